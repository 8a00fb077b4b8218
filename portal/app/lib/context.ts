import type { AdminLoadContext } from '../../../server/src/transport/admin/admin.routes';

// The Closer server passes its admin services to every loader and action (server/src/transport/admin).
declare module '@remix-run/node' {
  interface AppLoadContext extends AdminLoadContext {}
}
declare module '@remix-run/server-runtime' {
  interface AppLoadContext extends AdminLoadContext {}
}

export type { AdminLoadContext };
