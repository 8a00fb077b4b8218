import type { AdminDeps } from './admin-deps';

/** The admin's ai-usage page: reads and actions for one workspace. */
export function createAiUsageAdmin(_deps: AdminDeps) {
  return {};
}
