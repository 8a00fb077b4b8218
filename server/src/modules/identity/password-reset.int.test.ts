import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { RateLimitedError } from '../../platform/rate-limit';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { createTeam, createTestClock, createTestDeps, strongPassword, uniqueEmail } from './identity.fixtures';
import { InvalidCredentialsError, InvalidPasswordResetTokenError, WeakPasswordError } from './identity.model';
import { logIn } from './login.service';
import { createLogMailer } from './mailer';
import { passwordResetRequestLimits, requestPasswordReset, resetPassword } from './password-reset.service';
import { passwordResetLifetimeMs } from './password-reset-token';
import { createSession, resolveSession } from './session.service';

let database: TestDatabase;
let deps: ReturnType<typeof createTestDeps>;
const clock = createTestClock();
const newPassword = 'a brand new passphrase';

beforeAll(async () => {
  database = await createTestDatabase();
  deps = createTestDeps(database.prisma, clock);
});
afterAll(async () => {
  await database.drop();
});

async function requestToken(email: string, typedAs = email): Promise<string> {
  await requestPasswordReset(deps, typedAs);
  const path = deps.mailer.lastLinkPath(email);
  expect(path).toMatch(/^\/reset-password\/[^/]+$/);
  return decodeURIComponent((path ?? '').split('/')[2] ?? '');
}

describe('password reset', () => {
  it('emails a link, sets the new password and ends every session of the user', async () => {
    const team = await createTeam(deps, 'Reset Shop');
    const otherDevice = await createSession(deps, team.owner.id);
    const token = await requestToken(team.owner.email, ` ${team.owner.email.toUpperCase()} `);
    expect(deps.mailer.sent.at(-1)?.subject).toMatch(/reset/i);

    await expect(resetPassword(deps, token, newPassword)).resolves.toEqual({
      userId: team.owner.id,
      email: team.owner.email,
    });
    expect(await resolveSession(deps, team.token)).toBeNull();
    expect(await resolveSession(deps, otherDevice.token)).toBeNull();
    await expect(logIn(deps, { email: team.owner.email, password: strongPassword })).rejects.toThrow(
      InvalidCredentialsError,
    );
    await expect(logIn(deps, { email: team.owner.email, password: newPassword })).resolves.toBeTruthy();
    const audit = await database.prisma.auditLog.findFirst({ where: { action: 'user.password_reset' } });
    expect(audit).toMatchObject({ workspaceId: team.workspaceId, targetId: team.owner.id, data: { sessionsEnded: 2 } });
  });

  it('works once', async () => {
    const team = await createTeam(deps, 'Once Shop');
    const token = await requestToken(team.owner.email);
    await resetPassword(deps, token, newPassword);
    await expect(resetPassword(deps, token, 'yet another passphrase')).rejects.toThrow(InvalidPasswordResetTokenError);
    await expect(logIn(deps, { email: team.owner.email, password: newPassword })).resolves.toBeTruthy();
  });

  it('retires older links when a newer one is used', async () => {
    const team = await createTeam(deps, 'Older Shop');
    const older = await requestToken(team.owner.email);
    const newer = await requestToken(team.owner.email);
    await resetPassword(deps, newer, newPassword);
    await expect(resetPassword(deps, older, 'yet another passphrase')).rejects.toThrow(InvalidPasswordResetTokenError);
  });

  it('lets only one of two simultaneous uses through', async () => {
    const team = await createTeam(deps, 'Race Shop');
    const token = await requestToken(team.owner.email);
    const results = await Promise.allSettled([
      resetPassword(deps, token, 'first racing passphrase'),
      resetPassword(deps, token, 'second racing passphrase'),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });

  it('expires after an hour', async () => {
    const team = await createTeam(deps, 'Late Shop');
    const token = await requestToken(team.owner.email);
    clock.advance(passwordResetLifetimeMs);
    await expect(resetPassword(deps, token, newPassword)).rejects.toThrow(InvalidPasswordResetTokenError);
  });

  it('refuses a weak password without using up the link', async () => {
    const team = await createTeam(deps, 'Weak Shop');
    const token = await requestToken(team.owner.email);
    await expect(resetPassword(deps, token, team.owner.email)).rejects.toThrow(WeakPasswordError);
    await expect(resetPassword(deps, token, newPassword)).resolves.toBeTruthy();
  });

  it('rejects forged tokens', async () => {
    for (const token of ['', 'garbage', 'a.b', 'eyJ1IjoieCIsImUiOjF9.c2ln']) {
      await expect(resetPassword(deps, token, newPassword)).rejects.toThrow(InvalidPasswordResetTokenError);
    }
  });

  it('answers an unknown email like a known one, sending nothing', async () => {
    const before = deps.mailer.sent.length;
    await expect(requestPasswordReset(deps, uniqueEmail('nobody'))).resolves.toBeUndefined();
    expect(deps.mailer.sent).toHaveLength(before);
  });

  it('limits reset emails per address', async () => {
    const team = await createTeam(deps, 'Flood Shop');
    for (let attempt = 0; attempt < passwordResetRequestLimits.email.limit; attempt++) {
      await requestPasswordReset(deps, team.owner.email, { ip: '192.0.2.9' });
    }
    await expect(requestPasswordReset(deps, team.owner.email, { ip: '192.0.2.10' })).rejects.toThrow(RateLimitedError);
  });

  it('works end to end through the default log mailer', async () => {
    const team = await createTeam(deps, 'Log Mail Shop');
    const lines: string[] = [];
    const log = createLogger({
      destination: new Writable({
        write(chunk, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    });
    await requestPasswordReset({ ...deps, mailer: createLogMailer(log) }, team.owner.email);
    const link = lines.join('').match(/http:\/\/closer\.test\/reset-password\/([A-Za-z0-9_.-]+)/);
    expect(link?.[1]).toBeDefined();
    await expect(resetPassword(deps, link?.[1] ?? '', newPassword)).resolves.toBeTruthy();
  });
});
