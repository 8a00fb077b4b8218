// Bundles the server (and the demo seed it runs) into dist/main.js; dependencies stay in node_modules.
import { build } from 'esbuild';

await build({
  // The forecast worker runs in worker threads and must ship as its own file beside main.js.
  entryPoints: { main: 'src/main.ts', 'forecast.worker': 'src/modules/forecasting/engine/forecast.worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
