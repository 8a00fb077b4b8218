import { z } from 'zod';
import { searchContacts } from '../../modules/contacts';
import type { AdminActor, AdminDeps } from './admin-deps';
import { createImportUploads } from './import-upload.admin';

/** The contacts page: the people the store knows, newest first, searchable, and contacts imports. */
export interface ContactRow {
  id: string;
  email: string | null;
  name: string | null;
  phone: string | null;
  source: string;
  marketingOptIn: boolean;
  orderCount: number;
  createdAt: Date;
}

export interface ContactsPage {
  contacts: ContactRow[];
  page: number;
  hasNext: boolean;
}

const pageSize = 25;
const contactQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export function createContactsAdmin(deps: AdminDeps) {
  return {
    async listContacts(actor: AdminActor, query: z.input<typeof contactQuerySchema>): Promise<ContactsPage> {
      const { q, page } = contactQuerySchema.parse(query);
      const result = await searchContacts(deps.prisma, actor.workspaceId, {
        query: q,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      return {
        page,
        hasNext: result.hasMore,
        contacts: result.items.map((contact) => ({
          id: contact.id,
          email: contact.email,
          name: contact.name,
          phone: contact.phone,
          source: contact.source,
          marketingOptIn: contact.marketingOptIn,
          orderCount: contact.orderCount,
          createdAt: contact.createdAt,
        })),
      };
    },
    ...createImportUploads(deps, 'contacts'),
  };
}
