import type { AdminActor } from '~/admin/admin-args';

export type Role = AdminActor['role'];

const rank: Record<Role, number> = { viewer: 0, agent: 1, admin: 2, owner: 3 };

export const roleLabels: Record<Role, string> = {
  owner: 'Everything, including billing and handing the workspace over.',
  admin: 'Settings, team, API keys and the catalog.',
  agent: 'Answers shoppers in the inbox.',
  viewer: 'Can look at everything, change nothing.',
};

export const roleNames: Record<Role, string> = { owner: 'Owner', admin: 'Admin', agent: 'Agent', viewer: 'Viewer' };

/** Roles someone may give: up to their own (the server enforces the same ceiling). */
export function grantableRoles(own: Role): Role[] {
  return (['viewer', 'agent', 'admin', 'owner'] as const).filter((role) => rank[role] <= rank[own]);
}

export const isRoleAtMost = (role: Role, ceiling: Role) => rank[role] <= rank[ceiling];
