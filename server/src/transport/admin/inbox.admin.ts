import type { AdminDeps } from './admin-deps';

/** The admin's inbox page: reads and actions for one workspace. */
export function createInboxAdmin(_deps: AdminDeps) {
  return {};
}
