import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { createTeam, createTestDeps, uniqueEmail } from './identity.fixtures';
import { createSmtpMailer, type SmtpMailer } from './mailer';
import { requestPasswordReset, resetPassword } from './password-reset.service';
import { type SmtpTestServer, startSmtpTestServer } from './smtp.fixtures';

/** Password resets through a real SMTP server: delivered when it works, the same answer when it does not. */
let database: TestDatabase;
let deps: ReturnType<typeof createTestDeps>;
const servers: SmtpTestServer[] = [];
const mailers: SmtpMailer[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  deps = createTestDeps(database.prisma);
});
afterEach(async () => {
  for (const mailer of mailers.splice(0)) mailer.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  await database.drop();
});

function withSmtp(smtp: SmtpTestServer) {
  servers.push(smtp);
  const lines: string[] = [];
  const log = createLogger({
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  });
  const mailer = createSmtpMailer({ smtpUrl: smtp.url, log });
  mailers.push(mailer);
  return { deps: { ...deps, mailer, log }, mailer, lines };
}

describe('password reset by SMTP', () => {
  it('delivers a working link to the account’s address', async () => {
    const team = await createTeam(deps, 'SMTP Shop');
    const { deps: smtpDeps, mailer } = withSmtp(await startSmtpTestServer());
    await requestPasswordReset(smtpDeps, team.owner.email);
    await mailer.idle();
    const [mail] = servers[0]?.received ?? [];
    expect(mail?.to).toEqual([team.owner.email]);
    expect(mail?.raw).toContain('Subject: Reset your Closer password');
    const token = mail?.raw.match(/http:\/\/closer\.test\/reset-password\/([A-Za-z0-9_.~-]+)/)?.[1];
    await expect(resetPassword(deps, token ?? '', 'a brand new passphrase')).resolves.toMatchObject({
      userId: team.owner.id,
    });
  });

  it('answers a known and an unknown address alike when the relay refuses mail, and logs why', async () => {
    const team = await createTeam(deps, 'Broken Relay Shop');
    const {
      deps: smtpDeps,
      mailer,
      lines,
    } = withSmtp(
      await startSmtpTestServer({
        onRcptTo(_address, _session, callback) {
          callback(Object.assign(new Error('Relay access denied'), { responseCode: 554 }));
        },
      }),
    );
    await expect(requestPasswordReset(smtpDeps, team.owner.email)).resolves.toBeUndefined();
    await expect(requestPasswordReset(smtpDeps, uniqueEmail('nobody'))).resolves.toBeUndefined();
    await mailer.idle();
    const errors = lines.filter((line) => line.includes('"level":50'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Email could not be sent through the SMTP server .*: 554 Relay access denied/);
  });

  it('answers before a slow relay has taken the email, so timing tells nothing either', async () => {
    const team = await createTeam(deps, 'Slow Relay Shop');
    const { deps: smtpDeps, mailer } = withSmtp(
      await startSmtpTestServer({
        onData(stream, _session, callback) {
          stream.resume();
          stream.on('end', () => setTimeout(() => callback(), 1_000));
        },
      }),
    );
    const started = performance.now();
    await requestPasswordReset(smtpDeps, team.owner.email);
    expect(performance.now() - started).toBeLessThan(500);
    await mailer.idle();
  });
});
