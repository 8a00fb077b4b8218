import type { PrismaClient } from '@prisma/client';
import { createLogger } from '../../platform/logger';
import type { IdentityDeps } from './identity.deps';
import type { Mailer, MailMessage } from './mailer';
import { createSession } from './session.service';
import { signUp } from './sign-up.service';

/** Helpers for the identity module's database tests. */
export const strongPassword = 'correct horse battery staple';

export interface RecordingMailer extends Mailer {
  sent: MailMessage[];
  /** The path of the last link emailed to `to` (`/reset-password/…`, `/invite/…`). */
  lastLinkPath(to: string): string | undefined;
}

export function createRecordingMailer(): RecordingMailer {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
    lastLinkPath(to) {
      const message = sent.filter((mail) => mail.to === to).at(-1);
      const url = message?.text.match(/https?:\/\/\S+/)?.[0];
      return url ? new URL(url).pathname : undefined;
    },
  };
}

export interface TestClock {
  (): Date;
  advance(ms: number): void;
  set(date: Date): void;
}

export function createTestClock(start = new Date('2026-03-02T09:00:00Z')): TestClock {
  let current = start.getTime();
  const clock = (() => new Date(current)) as TestClock;
  clock.advance = (ms) => {
    current += ms;
  };
  clock.set = (date) => {
    current = date.getTime();
  };
  return clock;
}

export function createTestDeps(prisma: PrismaClient, clock: TestClock = createTestClock()) {
  const mailer = createRecordingMailer();
  const deps = {
    prisma,
    secret: 'test-secret-with-at-least-32-characters!',
    mailer,
    appUrl: 'http://closer.test',
    log: createLogger({ level: 'silent' }),
    clock,
  } satisfies IdentityDeps;
  return deps;
}

let counter = 0;
/** A unique email for this test file's run. */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}.${counter}.${Date.now().toString(36)}@shop.example`;
}

/** A signed-up team: its owner, signed in, and its workspace. */
export async function createTeam(deps: Pick<IdentityDeps, 'prisma' | 'clock'>, workspaceName: string) {
  const email = uniqueEmail('owner');
  const result = await signUp(deps, {
    email,
    password: strongPassword,
    name: `Owner of ${workspaceName}`,
    workspaceName,
  });
  const session = await createSession(deps, result.user.id);
  return { owner: result.user, token: session.token, workspaceId: result.workspace.id, workspace: result.workspace };
}

/** A member with a role, added directly (the invitation flow has its own tests), and signed in. */
export async function addTestMember(
  deps: Pick<IdentityDeps, 'prisma' | 'clock'>,
  workspaceId: string,
  role: 'owner' | 'admin' | 'agent' | 'viewer',
) {
  const user = await deps.prisma.user.create({
    data: { email: uniqueEmail(role), name: `A ${role}`, passwordHash: null },
    select: { id: true, email: true, name: true },
  });
  await deps.prisma.membership.create({ data: { workspaceId, userId: user.id, role } });
  const session = await createSession(deps, user.id);
  return { user, token: session.token, actor: { userId: user.id, workspaceId } };
}
