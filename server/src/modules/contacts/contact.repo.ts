import type { Contact, Prisma, PrismaClient } from '@prisma/client';
import { ContactConflictError, type ContactSource, type ContactUpsert } from './contact.model';

/**
 * Contacts of one workspace. Lists run by keyset on (createdAt, id) so a sync
 * never sees a row twice or skips one; writes match on the lower-cased email,
 * which is unique per workspace, and retry once when a concurrent writer
 * created the same contact first.
 */
type Db = PrismaClient | Prisma.TransactionClient;

export interface ContactListing {
  limit: number;
  after?: { createdAt: Date; id: string };
  email?: string;
}

export async function listContacts(
  prisma: PrismaClient,
  workspaceId: string,
  listing: ContactListing,
): Promise<{ items: Contact[]; hasMore: boolean }> {
  const { after } = listing;
  const rows = await prisma.contact.findMany({
    where: {
      workspaceId,
      ...(listing.email ? { email: listing.email.trim().toLowerCase() } : {}),
      ...(after
        ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: listing.limit + 1,
  });
  return { items: rows.slice(0, listing.limit), hasMore: rows.length > listing.limit };
}

/** Creates the contact for this email, or changes the fields given on the one that exists. */
export async function saveContactByEmail(
  prisma: PrismaClient,
  workspaceId: string,
  input: ContactUpsert,
  source: ContactSource,
): Promise<{ contact: Contact; created: boolean }> {
  const { email, ...fields } = input;
  const where = { workspaceId_email: { workspaceId, email } };
  for (let attempt = 1; ; attempt++) {
    try {
      const existing = await prisma.contact.findUnique({ where, select: { id: true } });
      if (existing) return { contact: await prisma.contact.update({ where, data: fields }), created: false };
      return {
        contact: await prisma.contact.create({ data: { workspaceId, email, source, ...fields } }),
        created: true,
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error;
      if (!isEmailViolation(error)) throw new ContactConflictError(input.externalId ?? null);
      // Someone created this email between our read and our insert: it exists now, so update it.
      if (attempt >= 2) throw error;
    }
  }
}

/** The contact id for an email, creating a bare contact if it is new (orders link to it). */
export async function findOrCreateContactId(
  db: Db,
  workspaceId: string,
  email: string,
  source: ContactSource,
): Promise<string> {
  const where = { workspaceId_email: { workspaceId, email: email.trim().toLowerCase() } };
  const existing = await db.contact.findUnique({ where, select: { id: true } });
  if (existing) return existing.id;
  try {
    const created = await db.contact.create({ data: { workspaceId, email: where.workspaceId_email.email, source } });
    return created.id;
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
    const raced = await db.contact.findUniqueOrThrow({ where, select: { id: true } });
    return raced.id;
  }
}

function isEmailViolation(error: unknown): boolean {
  const meta = (error as { meta?: Record<string, unknown> }).meta;
  const fields =
    (meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } } | undefined)?.cause?.constraint
      ?.fields ?? (Array.isArray(meta?.target) ? (meta.target as string[]) : []);
  return fields.some((field) => field.replaceAll('"', '') === 'email');
}
