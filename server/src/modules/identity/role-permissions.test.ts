import { describe, expect, it } from 'vitest';
import { ForbiddenError, type Role, RoleCeilingError, roles } from './identity.model';
import {
  hasPermission,
  isRoleAtMost,
  type Permission,
  permissionNames,
  requirePermission,
  requireRoleWithin,
} from './role-permissions';

// The whole matrix, written out: changing who may do what must change this table too.
const Y = true;
const N = false;
const expected: Record<Permission, [owner: boolean, admin: boolean, agent: boolean, viewer: boolean]> = {
  'workspace.settings.write': [Y, Y, N, N],
  'workspace.delete': [Y, N, N, N],
  'workspace.transfer': [Y, N, N, N],
  'team.view': [Y, Y, Y, Y],
  'team.manage': [Y, Y, N, N],
  'apiKeys.manage': [Y, Y, N, N],
  'ai.manage': [Y, Y, N, N],
  'billing.manage': [Y, N, N, N],
  'inbox.view': [Y, Y, Y, Y],
  'inbox.reply': [Y, Y, Y, N],
  'catalog.write': [Y, Y, N, N],
  'content.approve': [Y, Y, N, N],
  'analytics.view': [Y, Y, Y, Y],
};

const cases = permissionNames.flatMap((permission) =>
  roles.map((role, index) => ({ permission, role, allowed: expected[permission][index] as boolean })),
);

describe('role permissions', () => {
  it('has an expectation for every permission and no more', () => {
    expect(Object.keys(expected).sort()).toEqual([...permissionNames].sort());
  });

  it.each(cases)('$role may $permission: $allowed', ({ permission, role, allowed }) => {
    expect(hasPermission(role, permission)).toBe(allowed);
    if (allowed) expect(() => requirePermission({ role }, permission)).not.toThrow();
    else expect(() => requirePermission({ role }, permission)).toThrow(ForbiddenError);
  });

  it('nests roles: whatever a role may do, every higher role may do too', () => {
    for (const permission of permissionNames) {
      for (let lower = 1; lower < roles.length; lower++) {
        if (hasPermission(roles[lower] as Role, permission)) {
          expect(hasPermission(roles[lower - 1] as Role, permission), `${roles[lower - 1]} ${permission}`).toBe(true);
        }
      }
    }
  });

  it('only lets owners transfer ownership or delete the workspace', () => {
    for (const role of roles) {
      expect(hasPermission(role, 'workspace.transfer')).toBe(role === 'owner');
      expect(hasPermission(role, 'workspace.delete')).toBe(role === 'owner');
    }
  });

  it('caps the roles someone can give at their own', () => {
    expect(isRoleAtMost('admin', 'owner')).toBe(true);
    expect(isRoleAtMost('owner', 'admin')).toBe(false);
    expect(() => requireRoleWithin('admin', 'owner')).toThrow(RoleCeilingError);
    expect(() => requireRoleWithin('admin', 'admin')).not.toThrow();
    expect(() => requireRoleWithin('owner', 'owner')).not.toThrow();
    expect(() => requireRoleWithin('agent', 'admin')).toThrow(ForbiddenError);
  });
});
