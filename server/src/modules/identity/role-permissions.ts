import { ForbiddenError, type Role, RoleCeilingError, roles } from './identity.model';

/**
 * What each role may do. Listed by permission, not by role, so a reviewer can
 * read who may do one thing in one line. Roles nest: owner ⊇ admin ⊇ agent ⊇
 * viewer (a test checks that no permission breaks the nesting).
 */
const everyone = roles;
const staff = ['owner', 'admin', 'agent'] as const;
const managers = ['owner', 'admin'] as const;
const owners = ['owner'] as const;

export const permissions = {
  'workspace.settings.write': managers,
  /** Only owners: deleting the workspace or handing it to someone else cannot be undone by an admin. */
  'workspace.delete': owners,
  'workspace.transfer': owners,
  'team.view': everyone,
  'team.manage': managers,
  'apiKeys.manage': managers,
  /** Provider keys, routing policy and the monthly AI budget. */
  'ai.manage': managers,
  'billing.manage': owners,
  'inbox.view': everyone,
  'inbox.reply': staff,
  /** Products, orders and contacts: edits and imports. */
  'catalog.write': managers,
  'content.approve': managers,
  'analytics.view': everyone,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;
export const permissionNames = Object.keys(permissions) as Permission[];

const rank: Record<Role, number> = { owner: 3, admin: 2, agent: 1, viewer: 0 };

export function hasPermission(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

export function requirePermission(membership: { role: Role }, permission: Permission): void {
  if (!hasPermission(membership.role, permission)) throw new ForbiddenError();
}

/** Whether `role` is no higher than `ceiling`. */
export function isRoleAtMost(role: Role, ceiling: Role): boolean {
  return rank[role] <= rank[ceiling];
}

/**
 * Someone may give a role (by invitation or a role change) only up to their
 * own, and may only change or remove people whose role is no higher than
 * theirs: an admin can neither create nor demote an owner.
 */
export function requireRoleWithin(actorRole: Role, role: Role): void {
  if (!isRoleAtMost(role, actorRole)) throw new RoleCeilingError(role);
}
