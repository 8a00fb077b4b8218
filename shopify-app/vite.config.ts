import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

declare module '@remix-run/server-runtime' {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The embedded Shopify admin, served by the Closer server under `/app` (the
 * app URL in shopify.app.toml). `~` is the portal's app folder: the admin
 * pages exist once, in portal/app/admin, and this app binds them to Shopify's
 * session tokens. The same v3 flags as the portal, so the move to React
 * Router 7 stays mechanical.
 */
export default defineConfig({
  base: '/app/',
  plugins: [
    remix({
      basename: '/app',
      buildDirectory: process.env.CLOSER_SHOPIFY_BUILD_DIR || 'build',
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
  resolve: { alias: { '~': new URL('../portal/app', import.meta.url).pathname } },
  build: { chunkSizeWarningLimit: 1500 },
  // Polaris Viz ships CSS imports inside ESM; let Vite process them for SSR.
  ssr: { noExternal: ['@shopify/polaris-viz', '@shopify/polaris-viz-core'] },
  logLevel: 'warn',
});
