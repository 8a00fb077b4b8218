import type { AdminDeps } from './admin-deps';

/** The admin's install page: reads and actions for one workspace. */
export function createInstallAdmin(_deps: AdminDeps) {
  return {};
}
