import { randomBytes } from 'node:crypto';
import { createRateLimiter, RateLimitedError } from '../../platform/rate-limit';
import { writeAuditLog } from './audit-log.repo';
import { currentTime, type IdentityDeps } from './identity.deps';
import { EmailTakenError, type RequestMeta, type SessionUser, type SignUpInput, signUpSchema } from './identity.model';
import { hashPassword } from './password.hasher';
import { checkPasswordPolicy } from './password-policy';
import { createUser, findUserByEmail } from './user.repo';
import { createWorkspaceWithOwner, findTakenSlugs } from './workspace.repo';
import { pickFreeSlug, slugifyWorkspaceName } from './workspace-slug';

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
  const widgetKey = `pk_live_${randomBytes(24).toString('base64url')}`;
  const base = slugifyWorkspaceName(data.workspaceName);

  // A unique violation means someone took the email or the slug between our
  // check and our insert; the slug case is retried with a fresh look at the taken slugs.
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.prisma.$transaction(async (tx) => {
        const user = await createUser(tx, { email: data.email, name: data.name, passwordHash });
        const slug = pickFreeSlug(base, await findTakenSlugs(tx, base));
        const workspace = await createWorkspaceWithOwner(tx, {
          name: data.workspaceName,
          slug,
          ownerId: user.id,
          widgetKey,
        });
        const actor = { workspaceId: workspace.id, actorUserId: user.id, ip: meta.ip };
        await writeAuditLog(tx, {
          ...actor,
          action: 'workspace.created',
          targetType: 'workspace',
          targetId: workspace.id,
        });
        await writeAuditLog(tx, {
          ...actor,
          action: 'member.added',
          targetType: 'user',
          targetId: user.id,
          data: { role: 'owner' },
        });
        return { user, workspace, widgetKey };
      });
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error;
      if (await findUserByEmail(deps.prisma, data.email)) throw new EmailTakenError();
      if (attempt >= 5) throw error;
    }
  }
}
