import type { AdminDeps } from './admin-deps';

/** The admin's contacts page: reads and actions for one workspace. */
export function createContactsAdmin(_deps: AdminDeps) {
  return {};
}
