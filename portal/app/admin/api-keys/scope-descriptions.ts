import type { ApiKeyScope } from '../../../../server/src/modules/tenancy';

/** What each scope lets a key do, in the words the create form shows. */
export const scopeDescriptions: Record<ApiKeyScope, string> = {
  'products:read': 'Read products and variants',
  'products:write': 'Create, update and delete products',
  'orders:write': 'Send orders (for order lookups and analytics)',
  'contacts:read': 'Read contacts and captured leads',
  'contacts:write': 'Create and update contacts',
  'conversations:read': 'Read conversations and their messages',
  inbox: 'Connect a helpdesk to the live inbox (answer shoppers)',
  'content:read': 'Read content studio drafts and runs, and export approved content',
  'content:write': 'Start and cancel content runs, approve and reject drafts',
};
