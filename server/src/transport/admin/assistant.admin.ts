import type { AdminDeps } from './admin-deps';

/** The admin's assistant page: reads and actions for one workspace. */
export function createAssistantAdmin(_deps: AdminDeps) {
  return {};
}
