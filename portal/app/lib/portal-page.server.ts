import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import type { AdminActionArgs, AdminArgs, PageAccess } from '~/admin/admin-args';
import { type FailureBody, failureResponse, requireMember, sessionToken, toErrorResponse } from './session.server';

/**
 * Binds a shared admin page to the portal: every loader first proves a signed-in
 * member with the page's view permission; every action also proves the CSRF
 * token and the permission of its `intent`. An intent the page does not list
 * is refused, so a new action cannot slip in unguarded.
 */
/** The largest form the admin accepts (a catalog CSV); the import checks the file itself again. */
const maxUploadBytes = 101 * 1024 * 1024;

function agentTokens(request: Request, context: AppLoadContext, actor: { workspaceId: string }) {
  return () => context.closer.issueAgentToken(sessionToken(request, context) ?? '', actor.workspaceId);
}

export function portalLoader<Result>(access: PageAccess, load: (args: AdminArgs) => Promise<Result>) {
  return async ({ request, params, context }: LoaderFunctionArgs) => {
    const { actor } = await requireMember(request, context, { permission: access.view });
    try {
      return await load({
        request,
        params,
        services: context.closer,
        actor,
        issueAgentToken: agentTokens(request, context, actor),
      });
    } catch (error) {
      throw toErrorResponse(error, request, context);
    }
  };
}

export function portalAction<Result>(access: PageAccess, act: (args: AdminActionArgs) => Promise<Result>) {
  return async ({ request, params, context }: ActionFunctionArgs) => {
    // Refuse an oversized upload before reading it: formData() buffers the whole body.
    if (Number(request.headers.get('content-length') ?? 0) > maxUploadBytes) {
      return data<FailureBody>({ ok: false, message: 'The upload is larger than 100 MB.' }, { status: 413 });
    }
    const form = await request.formData().catch(() => new FormData());
    const intent = String(form.get('intent') ?? 'save');
    const permission = access.intents?.[intent];
    if (!permission) {
      return data<FailureBody>({ ok: false, message: `Unknown action "${intent.slice(0, 40)}".` }, { status: 400 });
    }
    const csrfToken = form.get('_csrf');
    const { actor } = await requireMember(request, context, {
      permission,
      csrfToken: typeof csrfToken === 'string' ? csrfToken : null,
    });
    try {
      const issueAgentToken = agentTokens(request, context, actor);
      return await act({ request, params, services: context.closer, actor, form, intent, issueAgentToken });
    } catch (error) {
      return failureResponse(error, request, context);
    }
  };
}
