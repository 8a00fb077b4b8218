import type { AdminDeps } from './admin-deps';

/** The admin's home page: reads and actions for one workspace. */
export function createHomeAdmin(_deps: AdminDeps) {
  return {};
}
