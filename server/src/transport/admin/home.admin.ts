import { getHomeDashboard, parseRangeDays } from '../../modules/analytics';
import type { AdminActor, AdminDeps } from './admin-deps';

/** The admin's home page: the dashboard of one workspace (every member may read it). */
export function createHomeAdmin(deps: Pick<AdminDeps, 'prisma'>, now: () => Date = () => new Date()) {
  return {
    /** `range` as the URL has it (`7d`, `30d`, `90d`); anything else means the default 30 days. */
    getDashboard: (actor: AdminActor, query: { range: string | null }) =>
      getHomeDashboard({ prisma: deps.prisma, now }, actor.workspaceId, parseRangeDays(query.range)),
  };
}
