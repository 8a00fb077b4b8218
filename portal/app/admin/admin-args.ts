import type { Params } from '@remix-run/react';
import type { Permission } from '../../../server/src/modules/identity';
import type { AdminActor, AdminServices } from '../../../server/src/transport/admin/admin-services';

/**
 * The contract between the shared admin pages and the two shells that render
 * them (this portal, the Shopify app). A shell authenticates the request,
 * checks `PageAccess`, and hands the page's loader and action these arguments;
 * the pages never see cookies or session tokens.
 */
export interface AdminArgs {
  request: Request;
  params: Params;
  services: AdminServices;
  actor: AdminActor;
  /** A short-lived token for the live `/agent` socket, issued from the shell's own session (the cookie stays httpOnly). */
  issueAgentToken(): Promise<{ token: string; expiresAt: Date }>;
}

export interface AdminActionArgs extends AdminArgs {
  form: FormData;
  /** The submitted `intent` field, already checked against the page's `PageAccess.intents`. */
  intent: string;
}

/** Who may open a page and who may perform each of its actions (by the form's `intent`). */
export interface PageAccess {
  /** Omit to let every member open the page. */
  view?: Permission;
  intents?: Record<string, Permission>;
}

/** What an action returns when the person made a mistake (rendered next to the form). */
export interface ActionFailure {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string>;
}

export type { AdminActor, AdminServices, Permission };
