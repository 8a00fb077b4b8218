// One clear line instead of a cryptic failure deep inside a dependency.
const [major, minor] = process.versions.node.split('.').map(Number);
export function assertNodeVersion() {
  if (major < 22 || (major === 22 && minor < 12)) {
    console.error(`Closer needs Node.js 22.12 or newer; this is ${process.version}. See .nvmrc.`);
    process.exit(1);
  }
}
