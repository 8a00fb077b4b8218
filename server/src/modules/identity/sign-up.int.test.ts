import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { findWidgetKey } from '../tenancy';
import { createTestDeps, strongPassword, uniqueEmail } from './identity.fixtures';
import { EmailTakenError, WeakPasswordError } from './identity.model';
import { signUp } from './sign-up.service';

let database: TestDatabase;
let deps: ReturnType<typeof createTestDeps>;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = createTestDeps(database.prisma);
});
afterAll(async () => {
  await database.drop();
});

describe('signUp', () => {
  it('creates the owner, the workspace, the membership and a widget key together', async () => {
    const email = uniqueEmail('Ana');
    const result = await signUp(deps, {
      email: `  ${email.toUpperCase()} `,
      password: strongPassword,
      name: 'Ana',
      workspaceName: 'Acme Outdoor',
    });
    expect(result.user.email).toBe(email.toLowerCase());
    expect(result.workspace).toMatchObject({ name: 'Acme Outdoor', slug: 'acme-outdoor' });
    expect(result.widgetKey).toMatch(/^pk_[A-Za-z0-9_-]{8,80}$/);

    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: result.user.id } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(user.passwordHash ?? '', strongPassword)).toBe(true);
    const memberships = await database.prisma.membership.findMany({ where: { userId: user.id } });
    expect(memberships).toEqual([expect.objectContaining({ workspaceId: result.workspace.id, role: 'owner' })]);
    const widget = await findWidgetKey(database.prisma, result.widgetKey);
    expect(widget?.workspaceId).toBe(result.workspace.id);
    const audit = await database.prisma.auditLog.findMany({ where: { workspaceId: result.workspace.id } });
    expect(audit.map((row) => row.action).sort()).toEqual(['member.added', 'workspace.created']);
    expect(audit.every((row) => row.actorType === 'user' && row.actorId === user.id)).toBe(true);
  });

  it('gives every workspace its own slug', async () => {
    const names = ['Same Name', 'Same Name', 'same-name!'];
    const slugs = [];
    for (const workspaceName of names) {
      slugs.push(
        (await signUp(deps, { email: uniqueEmail(), password: strongPassword, name: 'X', workspaceName })).workspace
          .slug,
      );
    }
    expect(slugs).toEqual(['same-name', 'same-name-2', 'same-name-3']);
  });

  it('refuses a taken email in any case, and writes nothing', async () => {
    const email = uniqueEmail('taken');
    await signUp(deps, { email, password: strongPassword, name: 'First', workspaceName: 'First Shop' });
    const before = await database.prisma.workspace.count();
    await expect(
      signUp(deps, {
        email: email.toUpperCase(),
        password: strongPassword,
        name: 'Second',
        workspaceName: 'Second Shop',
      }),
    ).rejects.toThrow(EmailTakenError);
    expect(await database.prisma.workspace.count()).toBe(before);
  });

  it('lets exactly one of two simultaneous sign-ups with one email through, leaving no half-made workspace', async () => {
    const email = uniqueEmail('race');
    const before = await database.prisma.workspace.count();
    const results = await Promise.allSettled(
      ['Race One', 'Race Two', 'Race Three'].map((workspaceName) =>
        signUp(deps, { email, password: strongPassword, name: 'Racer', workspaceName }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(EmailTakenError);
    }
    expect(await database.prisma.workspace.count()).toBe(before + 1);
    expect(await database.prisma.user.count({ where: { email } })).toBe(1);
  });

  it('enforces the password policy before writing anything', async () => {
    const email = uniqueEmail('weak');
    for (const password of ['short', email, 'password123']) {
      await expect(signUp(deps, { email, password, name: 'W', workspaceName: 'Weak' })).rejects.toThrow(
        WeakPasswordError,
      );
    }
    expect(await database.prisma.user.count({ where: { email } })).toBe(0);
  });

  it('validates the input', async () => {
    await expect(
      signUp(deps, { email: 'not an email', password: strongPassword, name: 'N', workspaceName: 'Shop' }),
    ).rejects.toThrow(/email/);
    await expect(
      signUp(deps, { email: uniqueEmail(), password: strongPassword, name: 'N', workspaceName: '   ' }),
    ).rejects.toThrow();
  });

  it('limits sign-ups per IP address', async () => {
    const attempts = [];
    for (let index = 0; index < 11; index++) {
      attempts.push(
        await signUp(
          deps,
          { email: uniqueEmail('burst'), password: strongPassword, name: 'B', workspaceName: `Burst ${index}` },
          { ip: '203.0.113.77' },
        ).then(
          () => 'ok',
          (error: Error) => error.name,
        ),
      );
    }
    expect(attempts.slice(0, 10).every((outcome) => outcome === 'ok')).toBe(true);
    expect(attempts[10]).toBe('RateLimitedError');
  });
});
