import { createRateLimiter, RateLimitedError } from '../../platform/rate-limit';
import { currentTime, type IdentityDeps } from './identity.deps';
import { EmailTakenError, type RequestMeta, type SessionUser, type SignUpInput, signUpSchema } from './identity.model';
import { createOwnedWorkspace, isUniqueViolation } from './owned-workspace';
import { hashPassword } from './password.hasher';
import { checkPasswordPolicy } from './password-policy';
import { createUser, findUserByEmail } from './user.repo';

export interface SignUpResult {
  user: SessionUser;
  workspace: { id: string; name: string; slug: string };
  /** The new workspace's widget key, for the install snippet. */
  widgetKey: string;
}

/** Sign-ups per IP address and hour: enough for an office, too few to mass-create accounts. */
export const signUpLimit = { limit: 10, windowSeconds: 3600 } as const;

type Deps = Pick<IdentityDeps, 'prisma' | 'clock'>;

/**
 * A new team: its owner, its workspace (with a unique slug) and its first
 * widget key, all in one transaction. The slow argon2 hash is computed before
 * the transaction opens, so no connection waits on it.
 */
export async function signUp(deps: Deps, input: SignUpInput, meta: RequestMeta = {}): Promise<SignUpResult> {
  const data = signUpSchema.parse(input);
  checkPasswordPolicy(data.password, data.email);
  if (meta.ip) {
    const limiter = createRateLimiter(deps.prisma, () => currentTime(deps).getTime());
    const { allowed, retryAfterMs } = await limiter.hit(
      `signup:ip:${meta.ip}`,
      signUpLimit.limit,
      signUpLimit.windowSeconds,
    );
    if (!allowed) throw new RateLimitedError(retryAfterMs);
  }
  if (await findUserByEmail(deps.prisma, data.email)) throw new EmailTakenError();
  const passwordHash = await hashPassword(data.password);

  // A unique violation means someone took the email or the slug between our
  // check and our insert; the slug case is retried with a fresh look at the taken slugs.
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.prisma.$transaction(async (tx) => {
        const user = await createUser(tx, { email: data.email, name: data.name, passwordHash });
        const created = await createOwnedWorkspace(tx, { name: data.workspaceName, ownerId: user.id, ip: meta.ip });
        return { user, ...created };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (await findUserByEmail(deps.prisma, data.email)) throw new EmailTakenError();
      if (attempt >= 5) throw error;
    }
  }
}
