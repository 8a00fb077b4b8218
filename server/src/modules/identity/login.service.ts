import { currentTime, type IdentityDeps } from './identity.deps';
import {
  InvalidCredentialsError,
  type IssuedSession,
  type LogInInput,
  logInSchema,
  type RequestMeta,
  type SessionUser,
} from './identity.model';
import { admitLoginAttempt, forgiveLoginAttempt } from './login-throttle.repo';
import { hashPassword, needsRehash, verifyPassword } from './password.hasher';
import { createSession } from './session.service';
import { findUserByEmail, replacePasswordHash } from './user.repo';

type Deps = Pick<IdentityDeps, 'prisma' | 'clock'>;

/**
 * Email and password in, a new session out. Unknown emails, users without a
 * password (Shopify-only) and wrong passwords fail the same way and take the
 * same argon2 time; rate limits are checked first, so a blocked guess costs
 * us no hashing at all.
 */
export async function logIn(
  deps: Deps,
  input: LogInInput,
  meta: RequestMeta = {},
): Promise<{ user: SessionUser; session: IssuedSession }> {
  const parsed = logInSchema.safeParse(input);
  if (!parsed.success) throw new InvalidCredentialsError();
  const { email, password } = parsed.data;
  const now = currentTime(deps);
  await admitLoginAttempt(deps.prisma, now, email, meta.ip);

  const user = await findUserByEmail(deps.prisma, email);
  const matches = await verifyPassword(user?.passwordHash, password);
  if (!user || !matches) throw new InvalidCredentialsError();

  await forgiveLoginAttempt(deps.prisma, now, email, meta.ip);
  if (user.passwordHash && needsRehash(user.passwordHash)) {
    await replacePasswordHash(deps.prisma, user.id, user.passwordHash, await hashPassword(password));
  }
  const session = await createSession(deps, user.id, meta);
  return { user: { id: user.id, email: user.email, name: user.name }, session };
}
