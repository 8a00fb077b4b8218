import { contactEmailSchema, contactUpsertSchema, listContacts, saveContactByEmail } from '../../../modules/contacts';
import { defineRoute } from './api-route';
import { pageOf } from './common.wire';
import { contactWireSchema, toContactWire } from './contact.wire';
import { decodeCursor, pageQuerySchema, toPage } from './cursor';

const contactListQuerySchema = pageQuerySchema.extend({
  email: contactEmailSchema.optional().describe('Only the contact with this email.'),
});

export const contactRoutes = [
  defineRoute({
    operationId: 'listContacts',
    method: 'get',
    path: '/api/v1/contacts',
    tag: 'Contacts',
    summary: 'List contacts',
    description: 'Oldest first.',
    scope: 'contacts:read',
    query: contactListQuerySchema,
    responses: { 200: { description: 'A page of contacts.', schema: pageOf(contactWireSchema) } },
    async handle({ prisma, principal, query }) {
      const page = await listContacts(prisma, principal.workspaceId, {
        limit: query.limit,
        after: decodeCursor(query.cursor),
        email: query.email,
      });
      return { status: 200, body: toPage(page, toContactWire) };
    },
  }),
  defineRoute({
    operationId: 'upsertContact',
    method: 'post',
    path: '/api/v1/contacts',
    tag: 'Contacts',
    summary: 'Create or update a contact by email',
    description:
      'Creates the contact (201) or, when one has this email, changes the fields sent (200). A field left out is kept.',
    scope: 'contacts:write',
    body: contactUpsertSchema,
    idempotent: true,
    responses: {
      200: { description: 'The existing contact, updated.', schema: contactWireSchema },
      201: { description: 'The new contact.', schema: contactWireSchema },
    },
    errors: { 409: 'Another contact has this externalId.' },
    async handle({ prisma, principal, body }) {
      const { contact, created } = await saveContactByEmail(prisma, principal.workspaceId, body, 'api');
      return { status: created ? 201 : 200, body: toContactWire(contact) };
    },
  }),
];
