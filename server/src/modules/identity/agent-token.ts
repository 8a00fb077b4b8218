import { createHmac, hkdfSync } from 'node:crypto';
import type { IdentityDeps } from './identity.deps';
import { currentTime } from './identity.deps';
import { findMemberRole } from './membership.repo';
import { hasPermission } from './role-permissions';
import { safeEqual } from './secure-token';
import { authorizeWorkspace } from './workspace-access';

/**
 * A short-lived token the admin's inbox page gives its `/agent` socket, so the
 * httpOnly session cookie never has to be readable by page scripts. It names
 * the user and workspace; the socket checks membership again when it connects,
 * so a removed member's token stops working at once.
 */
const lifetimeMs = 10 * 60 * 1000;
const prefix = 'agt1';

interface Payload {
  u: string;
  w: string;
  n: string;
  e: number;
}

export interface AgentIdentity {
  workspaceId: string;
  userId: string;
  name: string;
  /** Viewers watch the inbox; only agents and above may act in it. */
  readOnly: boolean;
}

type Deps = Pick<IdentityDeps, 'prisma' | 'secret' | 'clock'>;

function sign(secret: string, payload: string): string {
  const key = Buffer.from(hkdfSync('sha256', secret, 'closer/agent-token', 'hmac-sha256 v1', 32));
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export async function issueAgentToken(deps: Deps, sessionToken: string | null | undefined, workspaceId?: string) {
  const context = await authorizeWorkspace(deps, sessionToken, { permission: 'inbox.view', workspaceId });
  const expiresAt = new Date(currentTime(deps).getTime() + lifetimeMs);
  const payload = Buffer.from(
    JSON.stringify({
      u: context.userId,
      w: context.workspaceId,
      n: context.user.name ?? context.user.email,
      e: expiresAt.getTime(),
    } satisfies Payload),
  ).toString('base64url');
  return { token: `${prefix}.${payload}.${sign(deps.secret, payload)}`, expiresAt };
}

/** The agent behind a token, or null when it is forged, expired, or its user is no longer a member who may see the inbox. */
export async function verifyAgentToken(deps: Deps, token: string): Promise<AgentIdentity | null> {
  const [version, payload, signature] = token.split('.');
  if (version !== prefix || !payload || !signature || !safeEqual(signature, sign(deps.secret, payload))) return null;
  let data: Payload;
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Payload;
  } catch {
    return null;
  }
  if (typeof data.e !== 'number' || data.e < currentTime(deps).getTime()) return null;
  const role = await findMemberRole(deps.prisma, data.w, data.u);
  if (!role || !hasPermission(role, 'inbox.view')) return null;
  return { workspaceId: data.w, userId: data.u, name: data.n, readOnly: !hasPermission(role, 'inbox.reply') };
}
