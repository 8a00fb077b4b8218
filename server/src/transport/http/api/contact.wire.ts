import type { Contact } from '@prisma/client';
import { z } from 'zod';

/** Contacts as the REST API sends them. */
export const contactWireSchema = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  name: z.string().nullable(),
  marketingOptIn: z.boolean(),
  source: z.string().describe('Where the contact came from: api, order_import, widget_lead, shopify.'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export function toContactWire(contact: Contact): z.output<typeof contactWireSchema> {
  return {
    id: contact.id,
    externalId: contact.externalId,
    email: contact.email,
    phone: contact.phone,
    name: contact.name,
    marketingOptIn: contact.marketingOptIn,
    source: contact.source,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}
