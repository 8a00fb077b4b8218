import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../platform/rate-limit';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { createTestClock, createTestDeps, strongPassword, uniqueEmail } from './identity.fixtures';
import { InvalidCredentialsError } from './identity.model';
import { logIn } from './login.service';
import { loginLimits } from './login-throttle.repo';
import { resolveSession } from './session.service';
import { signUp } from './sign-up.service';

let database: TestDatabase;
let deps: ReturnType<typeof createTestDeps>;
const clock = createTestClock();

async function newAccount() {
  const email = uniqueEmail('login');
  await signUp(deps, { email, password: strongPassword, name: 'L', workspaceName: 'Login Shop' });
  return email;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: Error) => error,
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  deps = createTestDeps(database.prisma, clock);
});
afterAll(async () => {
  await database.drop();
});

describe('logIn', () => {
  it('opens a session for the right password, whatever the email case', async () => {
    const email = await newAccount();
    const { user, session } = await logIn(
      deps,
      { email: email.toUpperCase(), password: strongPassword },
      { ip: '198.51.100.1' },
    );
    expect(user.email).toBe(email);
    const resolved = await resolveSession(deps, session.token);
    expect(resolved?.user.id).toBe(user.id);
    expect(resolved?.memberships).toHaveLength(1);
  });

  it('fails a wrong password and an unknown email with the same error and message', async () => {
    const email = await newAccount();
    const wrong = await failure(logIn(deps, { email, password: 'wrong password 1' }, { ip: '198.51.100.2' }));
    const unknown = await failure(
      logIn(deps, { email: uniqueEmail('nobody'), password: strongPassword }, { ip: '198.51.100.2' }),
    );
    const malformed = await failure(logIn(deps, { email: 'not an email', password: '' }, { ip: '198.51.100.2' }));
    for (const error of [wrong, unknown, malformed]) {
      expect(error).toBeInstanceOf(InvalidCredentialsError);
      expect(error.message).toBe(wrong.message);
    }
  });

  it('spends as long on an unknown email as on a wrong password', async () => {
    const email = await newAccount();
    const time = async (attempt: () => Promise<unknown>) => {
      const started = performance.now();
      await attempt().catch(() => {});
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 4; round++) {
      known.push(
        await time(() => logIn(deps, { email, password: `wrong ${round} xxxxx` }, { ip: `198.51.100.${10 + round}` })),
      );
      unknown.push(
        await time(() =>
          logIn(deps, { email: uniqueEmail('ghost'), password: 'whatever123' }, { ip: `198.51.100.${20 + round}` }),
        ),
      );
    }
    // Both run one argon2 verification (~tens of ms); without the dummy hash the unknown email would take ~1 ms.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('refuses users without a password (Shopify-only) like a wrong password', async () => {
    const email = uniqueEmail('shopify');
    await database.prisma.user.create({ data: { email, passwordHash: null } });
    await expect(logIn(deps, { email, password: '' }, { ip: '198.51.100.3' })).rejects.toThrow(InvalidCredentialsError);
  });

  it('accepts the demo seed’s hashes', async () => {
    const email = uniqueEmail('demo');
    await database.prisma.user.create({ data: { email, passwordHash: await hash('closer-demo') } });
    await expect(logIn(deps, { email, password: 'closer-demo' })).resolves.toMatchObject({ user: { email } });
  });

  it('blocks an email from an address after 5 failures in 15 minutes, even with the right password', async () => {
    const email = await newAccount();
    const ip = '198.51.100.40';
    for (let attempt = 0; attempt < loginLimits.account.limit; attempt++) {
      await expect(logIn(deps, { email, password: 'guess guess guess' }, { ip })).rejects.toThrow(
        InvalidCredentialsError,
      );
    }
    const blocked = await failure(logIn(deps, { email, password: strongPassword }, { ip }));
    expect(blocked).toBeInstanceOf(RateLimitedError);
    expect((blocked as RateLimitedError).retryAfterMs).toBeGreaterThan(0);
    // Another address is not blocked for this email …
    await expect(logIn(deps, { email, password: strongPassword }, { ip: '198.51.100.41' })).resolves.toBeTruthy();
    // … and after the window the owner gets in from the first one too.
    clock.advance(loginLimits.account.windowSeconds * 1000);
    await expect(logIn(deps, { email, password: strongPassword }, { ip })).resolves.toBeTruthy();
  });

  it('forgives earlier failures after a successful login', async () => {
    const email = await newAccount();
    const ip = '198.51.100.50';
    for (let round = 0; round < 3; round++) {
      for (let attempt = 0; attempt < loginLimits.account.limit - 1; attempt++) {
        await expect(logIn(deps, { email, password: 'typo typo typo' }, { ip })).rejects.toThrow(
          InvalidCredentialsError,
        );
      }
      await expect(logIn(deps, { email, password: strongPassword }, { ip })).resolves.toBeTruthy();
    }
  });

  it('blocks an address after 20 failures across emails', async () => {
    const ip = '198.51.100.60';
    for (let attempt = 0; attempt < loginLimits.ip.limit; attempt++) {
      await expect(logIn(deps, { email: uniqueEmail('spray'), password: 'password spray' }, { ip })).rejects.toThrow(
        InvalidCredentialsError,
      );
    }
    const email = await newAccount();
    await expect(logIn(deps, { email, password: strongPassword }, { ip })).rejects.toThrow(RateLimitedError);
  });

  it('counts a burst of parallel guesses exactly', async () => {
    const email = await newAccount();
    const ip = '198.51.100.70';
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () => failure(logIn(deps, { email, password: 'parallel guess' }, { ip }))),
    );
    expect(outcomes.filter((error) => error instanceof InvalidCredentialsError)).toHaveLength(
      loginLimits.account.limit,
    );
    expect(outcomes.filter((error) => error instanceof RateLimitedError)).toHaveLength(12 - loginLimits.account.limit);
  });

  it('upgrades a weaker hash at login', async () => {
    const email = uniqueEmail('old-hash');
    const weak = await hash(strongPassword, { memoryCost: 4096, timeCost: 1 });
    await database.prisma.user.create({ data: { email, passwordHash: weak } });
    await logIn(deps, { email, password: strongPassword }, { ip: '198.51.100.80' });
    const stored = await database.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash).toMatch(/m=19456,t=2,p=1/);
  });
});
