import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { createCsrfToken } from './csrf-token';
import { addTestMember, createTeam, createTestDeps } from './identity.fixtures';
import { ForbiddenError, InvalidCsrfTokenError, type Role, roles, UnauthenticatedError } from './identity.model';
import { hasPermission, permissionNames } from './role-permissions';
import { createSession, endSession, resolveSession } from './session.service';
import { authorizeWorkspace, withWorkspace } from './workspace-access';

let database: TestDatabase;
let deps: ReturnType<typeof createTestDeps>;
let team: Awaited<ReturnType<typeof createTeam>>;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  deps = createTestDeps(database.prisma);
  team = await createTeam(deps, 'Access Shop');
  tokens.set('owner', team.token);
  for (const role of ['admin', 'agent', 'viewer'] as const) {
    tokens.set(role, (await addTestMember(deps, team.workspaceId, role)).token);
  }
});
afterAll(async () => {
  await database.drop();
});

const cases = roles.flatMap((role) => permissionNames.map((permission) => ({ role, permission })));

describe('authorizeWorkspace', () => {
  it.each(cases)('decides $permission for a signed-in $role from the database', async ({ role, permission }) => {
    const attempt = authorizeWorkspace(deps, tokens.get(role), { permission });
    if (hasPermission(role, permission)) {
      await expect(attempt).resolves.toMatchObject({ workspaceId: team.workspaceId, role });
    } else {
      await expect(attempt).rejects.toThrow(ForbiddenError);
    }
  });

  it('asks for a login without a live session', async () => {
    for (const token of [undefined, null, 'nonsense']) {
      await expect(authorizeWorkspace(deps, token)).rejects.toThrow(UnauthenticatedError);
    }
    const session = await createSession(deps, team.owner.id);
    await endSession(deps, session.token);
    await expect(authorizeWorkspace(deps, session.token)).rejects.toThrow(UnauthenticatedError);
  });

  it("checks an action's CSRF token against this session", async () => {
    const session = await resolveSession(deps, team.token);
    const other = await createSession(deps, team.owner.id);
    const valid = createCsrfToken(session?.csrfSecret ?? '');
    await expect(authorizeWorkspace(deps, team.token, { csrfToken: valid })).resolves.toBeTruthy();
    for (const csrfToken of [null, '', createCsrfToken(other.csrfSecret), `${valid}x`]) {
      await expect(authorizeWorkspace(deps, team.token, { csrfToken })).rejects.toThrow(InvalidCsrfTokenError);
    }
  });

  it('wraps handlers and carries the request ip to the actor', async () => {
    const handler = withWorkspace(
      deps,
      async (context, greeting: string) => `${greeting} ${context.user.email} as ${context.role} from ${context.ip}`,
      { permission: 'inbox.reply', ip: '192.0.2.44' },
    );
    await expect(handler(tokens.get('agent'), 'hello')).resolves.toMatch(/^hello .+ as agent from 192\.0\.2\.44$/);
    await expect(handler(tokens.get('viewer'), 'hello')).rejects.toThrow(ForbiddenError);
  });

  it('follows a role change on the next request', async () => {
    const member = await addTestMember(deps, team.workspaceId, 'viewer');
    await expect(authorizeWorkspace(deps, member.token, { permission: 'inbox.reply' })).rejects.toThrow(ForbiddenError);
    await database.prisma.membership.update({
      where: { workspaceId_userId: { workspaceId: team.workspaceId, userId: member.user.id } },
      data: { role: 'agent' },
    });
    await expect(authorizeWorkspace(deps, member.token, { permission: 'inbox.reply' })).resolves.toBeTruthy();
  });
});
