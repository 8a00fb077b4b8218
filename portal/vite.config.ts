import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

declare module '@remix-run/server-runtime' {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The standalone admin. Built to `build/` and served by the Closer server
 * (server/src/transport/http/admin), which hands every loader and action the
 * server's services through the load context. All v3 flags are on so the move
 * to React Router 7 stays mechanical.
 */
export default defineConfig({
  plugins: [
    remix({
      buildDirectory: process.env.CLOSER_PORTAL_BUILD_DIR ?? 'build',
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  build: { chunkSizeWarningLimit: 1500 },
  // Polaris and Polaris Viz ship CSS imports inside ESM; let Vite process them for SSR.
  ssr: { noExternal: ['@shopify/polaris-viz', '@shopify/polaris-viz-core'] },
  logLevel: 'warn',
});
