import type { AdminDeps } from './admin-deps';

/** The admin's team page: reads and actions for one workspace. */
export function createTeamAdmin(_deps: AdminDeps) {
  return {};
}
