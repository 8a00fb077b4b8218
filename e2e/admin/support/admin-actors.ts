import { type APIRequestContext, expect, request } from '@playwright/test';
import type { PrismaClient } from '@prisma/client';
import { createCsrfToken, createIdentity, createLogMailer, type Role } from '../../../server/src/modules/identity';
import { createLogger } from '../../../server/src/platform/logger';

/**
 * People for the admin's end-to-end tests, created the way real people are:
 * signing up through the portal's form, or accepting an invitation through
 * its link. Each holds a cookie jar (an APIRequestContext) and can mint the
 * CSRF token its pages would render, so a test can post any form as them.
 */
export interface AdminActor {
  label: string;
  email: string;
  role: Role;
  workspaceId: string;
  http: APIRequestContext;
  sessionToken: string;
  csrf(): Promise<string>;
}

export const actorPassword = 'walk the tenancy line';

export function identityFor(prisma: PrismaClient, baseURL: string) {
  const log = createLogger({ level: 'silent' });
  return createIdentity({
    prisma,
    secret: 'e2e-only-secret-not-the-servers-0000',
    mailer: createLogMailer(log),
    appUrl: baseURL,
    log,
  });
}

async function sessionCookie(http: APIRequestContext): Promise<string> {
  const cookie = (await http.storageState()).cookies.find((candidate) => candidate.name.endsWith('closer_session'));
  if (!cookie) throw new Error('no session cookie after signing in');
  return decodeURIComponent(cookie.value);
}

async function actorFrom(
  prisma: PrismaClient,
  baseURL: string,
  http: APIRequestContext,
  details: { label: string; email: string; role: Role },
): Promise<AdminActor> {
  const sessionToken = await sessionCookie(http);
  const session = await identityFor(prisma, baseURL).resolveSession(sessionToken);
  if (!session?.activeWorkspaceId) throw new Error(`${details.label} has no active workspace`);
  return {
    ...details,
    workspaceId: session.activeWorkspaceId,
    http,
    sessionToken,
    csrf: async () => createCsrfToken(session.csrfSecret),
  };
}

export async function signUpOwner(prisma: PrismaClient, baseURL: string, label: string): Promise<AdminActor> {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  const http = await request.newContext({ baseURL, maxRedirects: 0 });
  const response = await http.post('/signup', {
    form: { name: `${label} owner`, email, password: actorPassword, workspaceName: `${label} workspace` },
  });
  expect(response.status(), `sign up ${label}`).toBe(302);
  return actorFrom(prisma, baseURL, http, { label, email, role: 'owner' });
}

/** Invites someone new into the owner's workspace with `role` and has them accept through the link. */
export async function joinAs(
  prisma: PrismaClient,
  baseURL: string,
  owner: AdminActor,
  role: Role,
): Promise<AdminActor> {
  const email = `${owner.label}-${role}-${Date.now()}@example.com`;
  const identity = identityFor(prisma, baseURL);
  const invitation = await identity.inviteMember(
    { userId: (await identity.resolveSession(owner.sessionToken))?.user.id ?? '', workspaceId: owner.workspaceId },
    { email, role },
  );
  const http = await request.newContext({ baseURL, maxRedirects: 0 });
  const response = await http.post(invitation.path, {
    form: { name: `${owner.label} ${role}`, password: actorPassword },
  });
  expect(response.status(), `accept invitation as ${role}`).toBe(302);
  return actorFrom(prisma, baseURL, http, { label: `${owner.label} ${role}`, email, role });
}
