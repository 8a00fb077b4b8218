import type { AdminDeps } from './admin-deps';

/** The admin's catalog page: reads and actions for one workspace. */
export function createCatalogAdmin(_deps: AdminDeps) {
  return {};
}
