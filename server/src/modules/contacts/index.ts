/** Contacts: the people a store knows by email, from leads, orders, Shopify and the REST API. */
export {
  ContactConflictError,
  type ContactSource,
  type ContactUpsert,
  contactEmailSchema,
  contactUpsertSchema,
} from './contact.model';
export { type ContactListing, findOrCreateContactId, listContacts, saveContactByEmail } from './contact.repo';
export { type ContactSearch, type ListedContact, searchContacts } from './contact-list.repo';
