import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import type { ActionFailure, AdminActionArgs, AdminArgs, PageAccess, Permission } from '~/admin/admin-args';
import { authenticateAdmin } from '../shopify.server';
import './context';

/**
 * Binds a shared admin page (portal/app/admin/*) to the embedded app, as
 * portal-page.server.ts binds it to the portal. Here the proof is Shopify's
 * session token, which App Bridge puts on every request (`id_token` on the
 * document load, `Authorization: Bearer` on each fetch): it names the shop,
 * the shop names its workspace, and its staff act as the workspace's owner.
 * There is no CSRF token: nothing here is authenticated by a cookie that a
 * cross-site form could ride on, so the pages' `_csrf` field is ignored.
 */

/** The largest form the admin accepts (a catalog CSV); the import checks the file itself again. */
const maxUploadBytes = 101 * 1024 * 1024;

/**
 * The shop's staff behind the request, or a thrown Response: the library's
 * own answers for a missing or invalid token (the bounce page that fetches a
 * fresh one, a 401 that App Bridge retries, the login page), or a 403.
 */
export async function requireShopStaff(request: Request, context: AppLoadContext, permission?: Permission) {
  const admin = await authenticateAdmin(request, context);
  const { actor, staff } = await context.shopify.actorForShop({
    shop: admin.session.shop,
    scopes: admin.session.scope ?? null,
    ip: context.client.ip,
  });
  if (permission && !context.closer.permissionsOf(actor.role).includes(permission)) {
    throw data<ActionFailure>({ ok: false, message: 'You do not have permission to do this.' }, { status: 403 });
  }
  return { actor, staff, admin };
}

export function shopifyLoader<Result>(access: PageAccess, load: (args: AdminArgs) => Promise<Result>) {
  return async ({ request, params, context }: LoaderFunctionArgs) => {
    const { actor } = await requireShopStaff(request, context, access.view);
    try {
      return await load({
        request,
        params,
        services: context.closer,
        actor,
        issueAgentToken: () => context.shopify.issueAgentToken(actor),
      });
    } catch (error) {
      throw toErrorResponse(error, request, context);
    }
  };
}

export function shopifyAction<Result>(access: PageAccess, act: (args: AdminActionArgs) => Promise<Result>) {
  return async ({ request, params, context }: ActionFunctionArgs) => {
    // Refuse an oversized upload before reading it: formData() buffers the whole body.
    if (Number(request.headers.get('content-length') ?? 0) > maxUploadBytes) {
      return data<ActionFailure>({ ok: false, message: 'The upload is larger than 100 MB.' }, { status: 413 });
    }
    const { actor } = await requireShopStaff(request, context);
    const form = await request.formData().catch(() => new FormData());
    const intent = String(form.get('intent') ?? 'save');
    const permission = access.intents?.[intent];
    if (!permission) {
      return data<ActionFailure>({ ok: false, message: `Unknown action "${intent.slice(0, 40)}".` }, { status: 400 });
    }
    if (!context.closer.permissionsOf(actor.role).includes(permission)) {
      return data<ActionFailure>({ ok: false, message: 'You do not have permission to do this.' }, { status: 403 });
    }
    try {
      const issueAgentToken = () => context.shopify.issueAgentToken(actor);
      return await act({ request, params, services: context.closer, actor, form, intent, issueAgentToken });
    } catch (error) {
      const response = toErrorResponse(error, request, context);
      if (response === error || response instanceof Response) throw response;
      return response;
    }
  };
}

/**
 * A person's mistake becomes a 4xx with one sentence (the form shows it); a
 * Response (a redirect) passes through; our own error is logged and rethrown.
 */
function toErrorResponse(error: unknown, request: Request, context: AppLoadContext) {
  if (error instanceof Response) return error;
  const failure = context.closer.classifyError(error);
  if (!failure) {
    context.closer.log.error({ err: error, path: new URL(request.url).pathname }, 'shopify admin request failed');
    return error;
  }
  const headers: HeadersInit = failure.retryAfter ? { 'Retry-After': String(failure.retryAfter) } : {};
  return data<ActionFailure>(
    { ok: false, message: failure.message, fieldErrors: failure.fieldErrors },
    { status: failure.status, headers },
  );
}
