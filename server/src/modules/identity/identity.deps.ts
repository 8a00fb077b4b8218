import type { PrismaClient } from '@prisma/client';
import type { Logger } from '../../platform/logger';
import type { Mailer } from './mailer';

/** What the identity services need; the composition root builds it once. */
export interface IdentityDeps {
  prisma: PrismaClient;
  /** CLOSER_SECRET: signs password-reset links. */
  secret: string;
  mailer: Mailer;
  /** The portal's public origin for links in emails, e.g. `https://closer.example`. */
  appUrl: string;
  log: Logger;
  /** Injectable for tests; defaults to the wall clock. */
  clock?: () => Date;
}

export function currentTime(deps: Pick<IdentityDeps, 'clock'>): Date {
  return deps.clock ? deps.clock() : new Date();
}

/** An absolute link for an email, from a path such as `/invite/<token>`. */
export function absoluteLink(deps: Pick<IdentityDeps, 'appUrl'>, path: string): string {
  return new URL(path, deps.appUrl).toString();
}
