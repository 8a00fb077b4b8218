// Our npm registry mirror lacks some other-platform builds (e.g. @biomejs/cli-darwin-x64),
// so `npm install` leaves them out of package-lock.json and `npm ci` then rejects the
// lockfile as out of sync. This adds the missing optional platform entries back (name,
// version, os/cpu), which is what npm writes where the registry has them: npm skips
// them on other platforms and fetches them by version where they match.
// Run after `npm install`: node scripts/complete-lockfile.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockPath = path.join(root, 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const platforms = [
  'darwin',
  'linux',
  'win32',
  'android',
  'freebsd',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'openharmony',
];
const cpus = ['x64', 'arm64', 'ia32', 'arm', 'ppc64', 'riscv64', 's390x', 'loong64', 'mips64el'];

function guess(name, list, aliases = {}) {
  const tokens = name.split(/[/-]/);
  for (const token of tokens) {
    const value = aliases[token] ?? token;
    if (list.includes(value)) return [value];
  }
  return undefined;
}

let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    const os = guess(name, platforms, { windows: 'win32', win: 'win32', macos: 'darwin' });
    const cpu = guess(name, cpus, { 64: 'x64', amd64: 'x64', x86: 'ia32', aarch64: 'arm64' });
    if (!os) continue; // Not a platform build: leave it to npm.
    const record = { version: spec.replace(/^[\^~=]/, ''), optional: true, os };
    if (cpu) record.cpu = cpu;
    if (name.endsWith('-musl')) record.libc = ['musl'];
    if (entry.dev) record.dev = true;
    lock.packages[hoisted] = record;
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} missing platform entries`);
