import { z } from 'zod';

/**
 * A contact is a person the store knows by email: from the widget's lead form,
 * an order, Shopify, or a team's own system through the REST API. One contact
 * per email and workspace; emails are stored lower-cased.
 */
export const contactEmailSchema = z.string().trim().toLowerCase().max(254).check(z.email());

export const contactUpsertSchema = z.strictObject({
  email: contactEmailSchema.describe('The contact is matched by this email (case-insensitive).'),
  name: z.string().trim().min(1).max(255).nullable().optional(),
  phone: z
    .string()
    .trim()
    .min(3)
    .max(50)
    .regex(/^\+?[0-9 ().-]+$/, 'digits, spaces, "+", "(", ")", "." and "-"')
    .nullable()
    .optional(),
  externalId: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .nullable()
    .optional()
    .describe('The id in your system; unique in the workspace.'),
  marketingOptIn: z
    .boolean()
    .optional()
    .describe('Whether they agreed to marketing email. Left as it is when absent; false for a new contact.'),
});
export type ContactUpsert = z.output<typeof contactUpsertSchema>;

/** Where we learned of a contact (`Contact.source`). */
export type ContactSource = 'api' | 'order_import' | 'widget_lead' | 'shopify';

export class ContactConflictError extends Error {
  override readonly name = 'ContactConflictError';
  constructor(readonly externalId: string | null) {
    super(
      externalId
        ? `Another contact already has externalId "${externalId}".`
        : 'Another contact already has this externalId.',
    );
  }
}
