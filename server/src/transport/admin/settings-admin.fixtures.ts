import { createIdentity, type Role } from '../../modules/identity';
import { addTestMember, createTeam, createTestDeps } from '../../modules/identity/identity.fixtures';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import type { AdminActor } from './admin-deps';

/**
 * For the settings facades' database tests: two signed-up workspaces (each
 * with its widget key), real identity services with a recording mailer, and
 * members of any role as the admin shells would hand them over.
 */
export const publicUrl = 'https://closer.test';

export async function createSettingsTestbed() {
  const database: TestDatabase = await createTestDatabase();
  const identityDeps = createTestDeps(database.prisma);
  const identity = createIdentity(identityDeps);
  const deps = { prisma: database.prisma, identity, publicUrl };

  async function workspace(name: string) {
    const team = await createTeam(identityDeps, name);
    const owner: AdminActor = {
      workspaceId: team.workspaceId,
      userId: team.owner.id,
      role: 'owner',
      displayName: `Owner of ${name}`,
    };
    return {
      workspaceId: team.workspaceId,
      owner,
      async member(role: Role): Promise<AdminActor> {
        const member = await addTestMember(identityDeps, team.workspaceId, role);
        return { workspaceId: team.workspaceId, userId: member.user.id, role, displayName: `A ${role}` };
      },
    };
  }

  return { database, deps, mailer: identityDeps.mailer, workspace, drop: () => database.drop() };
}
