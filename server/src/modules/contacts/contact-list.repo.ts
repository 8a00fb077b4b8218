import type { Contact, Prisma, PrismaClient } from '@prisma/client';

/**
 * The admin's contact list: newest first, a page at a time, narrowed by part
 * of an email or a name, with how many orders each person placed. Scoped to
 * one workspace.
 */
export interface ContactSearch {
  query?: string;
  offset: number;
  limit: number;
}

export type ListedContact = Contact & { orderCount: number };

export async function searchContacts(
  prisma: PrismaClient,
  workspaceId: string,
  search: ContactSearch,
): Promise<{ items: ListedContact[]; hasMore: boolean }> {
  const query = search.query?.trim();
  const where: Prisma.ContactWhereInput = {
    workspaceId,
    ...(query
      ? {
          OR: [{ email: { contains: query, mode: 'insensitive' } }, { name: { contains: query, mode: 'insensitive' } }],
        }
      : {}),
  };
  const contacts = await prisma.contact.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: search.offset,
    take: search.limit + 1,
    include: { _count: { select: { orders: { where: { workspaceId } } } } },
  });
  return {
    items: contacts.slice(0, search.limit).map(({ _count, ...contact }) => ({ ...contact, orderCount: _count.orders })),
    hasMore: contacts.length > search.limit,
  };
}
