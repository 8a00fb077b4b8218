import type { AdminDeps } from './admin-deps';

/** The admin's orders page: reads and actions for one workspace. */
export function createOrdersAdmin(_deps: AdminDeps) {
  return {};
}
