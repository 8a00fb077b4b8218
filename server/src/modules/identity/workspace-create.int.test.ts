import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { createIdentity } from './identity.facade';
import { createLogMailer } from './mailer';

describe('creating another workspace', () => {
  let database: TestDatabase;
  let identity: ReturnType<typeof createIdentity>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const log = createLogger({ level: 'silent' });
    identity = createIdentity({
      prisma: database.prisma,
      secret: 'x'.repeat(40),
      mailer: createLogMailer(log),
      appUrl: 'http://localhost',
      log,
    });
  });
  afterAll(() => database.close());

  it('makes the signed-in user its owner, with a widget key, and switches their session to it', async () => {
    const { user } = await identity.signUp({
      email: 'two-stores@example.com',
      password: 'a long enough passphrase',
      name: 'Grace',
      workspaceName: 'First Store',
    });
    const session = await identity.createSession(user.id);
    const created = await identity.createWorkspace(session.token, { name: 'First Store' });

    expect(created.workspace.slug).not.toBe('first-store');
    expect(created.widgetKey).toMatch(/^pk_live_/);
    const resolved = await identity.resolveSession(session.token);
    expect(resolved?.activeWorkspaceId).toBe(created.workspace.id);
    expect(resolved?.memberships.map((membership) => [membership.workspaceName, membership.role]).sort()).toEqual([
      ['First Store', 'owner'],
      ['First Store', 'owner'],
    ]);
    const audit = await database.prisma.auditLog.findMany({ where: { workspaceId: created.workspace.id } });
    expect(audit.map((row) => row.action).sort()).toEqual(['member.added', 'workspace.created']);
  });

  it('needs a session and a name', async () => {
    await expect(identity.createWorkspace('not-a-session', { name: 'Nope' })).rejects.toThrow('Please log in.');
    const { user } = await identity.signUp({
      email: 'empty-name@example.com',
      password: 'a long enough passphrase',
      name: 'Ada',
      workspaceName: 'Ada Store',
    });
    const session = await identity.createSession(user.id);
    await expect(identity.createWorkspace(session.token, { name: '   ' })).rejects.toThrow('name is empty');
  });
});
