// Builds the storefront widget: dist/loader.js (classic script, IIFE) and
// dist/app.js (ES module, imported by the loader), minified for ES2020, no
// source maps. `node build.mjs` also prints their gzip and brotli sizes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Budgets in gzipped bytes (the size test enforces them); `total` covers loader + app + the largest language. */
export const budgets = { loader: 3 * 1024, total: 35 * 1024 };

// engine.io-client registers every transport in one map, and its XHR transport
// runs code at import time, which defeats tree-shaking. We keep WebSocket and
// fetch()-based long-polling and drop XMLHttpRequest polling and WebTransport:
// its entry is narrowed to what socket.io-client imports (the transports it
// re-exports for apps, unused here, become undefined). And its global lookup
// keeps a `Function("return this")` fallback that browsers never reach; it goes
// too, so the bundle holds no eval-like code for a strict CSP to object to.
// socket.io-parser's binary support goes as well (see below).
const engineIo = /engine\.io-client[\\/]build[\\/]esm[\\/]/;
const socketIoParser = /socket\.io-parser[\\/]build[\\/]esm[\\/]/;
const slimSocketIo = {
  name: 'slim-socket.io',
  setup(build) {
    const replace = (file, contents, within = engineIo) =>
      build.onLoad({ filter: new RegExp(`${within.source}${file.replace('.', '\\.')}$`) }, (args) => ({
        contents: typeof contents === 'function' ? contents(fs.readFileSync(args.path, 'utf8')) : contents.join('\n'),
        resolveDir: path.dirname(args.path),
      }));
    replace('index.js', [
      'export { Socket } from "./socket.js";',
      'export { installTimerFunctions } from "./util.js";',
      'export { parse } from "./contrib/parseuri.js";',
      'export { nextTick } from "./globals.node.js";',
      'export { Fetch } from "./transports/polling-fetch.js";',
      'export { WS as WebSocket } from "./transports/websocket.js";',
      'export const NodeXHR = undefined, XHR = undefined, NodeWebSocket = undefined, WebTransport = undefined;',
    ]);
    replace('transports/index.js', [
      'import { Fetch } from "./polling-fetch.js";',
      'import { WS } from "./websocket.node.js";',
      'export const transports = { websocket: WS, polling: Fetch };',
    ]);
    replace('globals.js', (source) => {
      if (!source.includes('Function("return this")()')) throw new Error('engine.io-client changed: update build.mjs');
      return source.replace('Function("return this")()', 'globalThis');
    });
    // The /widget protocol is JSON only: no binary attachments to detect, split or join.
    replace('is-binary.js', ['export const isBinary = () => false, hasBinary = () => false;'], socketIoParser);
    replace(
      'binary.js',
      [
        'export const deconstructPacket = (packet) => ({ packet, buffers: [] }), reconstructPacket = (packet) => packet;',
      ],
      socketIoParser,
    );
  },
};

const shared = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  target: 'es2020',
  platform: 'browser',
  // UTF-8 keeps the translations compact (the server sends `charset=utf-8`).
  charset: 'utf8',
  sourcemap: false,
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

const localeDir = path.join(here, 'src', 'app', 'i18n', 'locales');
const localeEntries = () =>
  Object.fromEntries(
    fs.readdirSync(localeDir).map((file) => [`locale-${path.basename(file, '.ts')}`, path.join(localeDir, file)]),
  );

export async function buildWidget({ outdir = path.join(here, 'dist') } = {}) {
  fs.rmSync(outdir, { recursive: true, force: true });
  await Promise.all([
    // preview.js runs only on the admin's preview page (/widget/preview): not shipped to shoppers, not in the budget.
    esbuild.build({
      ...shared,
      entryPoints: { loader: 'src/loader.ts', preview: 'src/preview.ts' },
      format: 'iife',
      outdir,
    }),
    esbuild.build({
      ...shared,
      entryPoints: { app: 'src/app/app.tsx' },
      format: 'esm',
      outdir,
      plugins: [slimSocketIo],
    }),
    // Flat beside app.js (dist/locale-<code>.js): the server serves dist/ without subfolders.
    esbuild.build({ ...shared, entryPoints: localeEntries(), format: 'esm', outdir }),
  ]);
  return measure(outdir);
}

export function measure(outdir) {
  const sizes = (file) => {
    const bytes = fs.readFileSync(path.join(outdir, file));
    return {
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  };
  const add = (...parts) =>
    Object.fromEntries(['raw', 'gzip', 'brotli'].map((k) => [k, parts.reduce((sum, part) => sum + part[k], 0)]));
  const loader = sizes('loader.js');
  const app = sizes('app.js');
  const locales = fs
    .readdirSync(outdir)
    .filter((file) => file.startsWith('locale-'))
    .map((file) => ({ file, ...sizes(file) }));
  const largestLocale = locales.reduce((largest, locale) => (locale.gzip > largest.gzip ? locale : largest));
  // What a shopper downloads at most: the loader, the app and one language.
  return { loader, app, largestLocale, total: add(loader, app), shopper: add(loader, app, largestLocale) };
}

export function formatReport(report) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
  const row = (name, size, budget) =>
    `${name.padEnd(14)} ${kb(size.raw).padStart(10)} ${kb(size.gzip).padStart(10)} ${kb(size.brotli).padStart(10)}${budget ? `   (budget ${kb(budget)} gzip)` : ''}`;
  return [
    `${'widget'.padEnd(14)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`,
    row('loader.js', report.loader, budgets.loader),
    row('app.js', report.app),
    row('loader + app', report.total),
    row(`+ ${report.largestLocale.file}`, report.largestLocale),
    row('= per shopper', report.shopper, budgets.total),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = await buildWidget();
  console.log(formatReport(report));
  if (report.loader.gzip > budgets.loader || report.shopper.gzip > budgets.total) {
    console.error('widget: over the size budget');
    process.exit(1);
  }
}
