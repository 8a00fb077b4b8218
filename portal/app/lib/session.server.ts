import type { AppLoadContext } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import type { AdminActor, Permission } from '~/admin/admin-args';
import { readCookie, serializeCookie } from './cookies.server';
import './context';

/** The portal's sessions: the identity module decides; this file only moves the token in and out of the cookie. */
export function sessionToken(request: Request, context: AppLoadContext): string | null {
  return readCookie(request, context.closer.sessionCookieName(context.client.secure));
}

export function setSessionCookie(context: AppLoadContext, session: { token: string; expiresAt: Date }): string {
  return serializeCookie(context.closer.sessionCookieName(context.client.secure), session.token, {
    expires: session.expiresAt,
    secure: context.client.secure,
  });
}

export function clearSessionCookie(context: AppLoadContext): string {
  return serializeCookie(context.closer.sessionCookieName(context.client.secure), '', {
    expires: new Date(0),
    secure: context.client.secure,
  });
}

/** Only same-site paths: `?next=https://evil.example` must not turn the login page into an open redirect. */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

export function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const next = url.pathname === '/' ? '' : `?next=${encodeURIComponent(url.pathname + url.search)}`;
  return redirect(`/login${next}`);
}

/**
 * Turns a thrown error into the response the person should see: the login
 * page when signed out, a 4xx with one sentence for their mistakes, and the
 * error itself (logged, a generic 500 page) for ours.
 */
export function toErrorResponse(error: unknown, request: Request, context: AppLoadContext): unknown {
  if (error instanceof Response) return error;
  const failure = context.closer.classifyError(error);
  if (!failure) {
    context.closer.log.error({ err: error, path: new URL(request.url).pathname }, 'admin request failed');
    return error;
  }
  if (failure.status === 401) return loginRedirect(request);
  const headers: HeadersInit = failure.retryAfter ? { 'Retry-After': String(failure.retryAfter) } : {};
  return data<FailureBody>(
    { ok: false, message: failure.message, fieldErrors: failure.fieldErrors },
    {
      status: failure.status,
      headers,
    },
  );
}

export interface FailureBody {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string>;
}

/**
 * For actions: a person's mistake becomes a 4xx answer the form shows beside
 * its fields; a redirect (signed out) or our own error is thrown on.
 */
export function failureResponse(error: unknown, request: Request, context: AppLoadContext) {
  const response = toErrorResponse(error, request, context);
  if (response === error || response instanceof Response) throw response;
  return response as ReturnType<typeof data<FailureBody>>;
}

export interface AuthorizeOptions {
  permission?: Permission;
  /** For actions: the posted CSRF field (null when missing — which fails). */
  csrfToken?: string | null;
}

/** The signed-in member behind this request (throws the login redirect or a 403 response). */
export async function requireMember(request: Request, context: AppLoadContext, options: AuthorizeOptions = {}) {
  try {
    const member = await context.closer.identity.authorizeWorkspace(sessionToken(request, context), {
      permission: options.permission,
      csrfToken: options.csrfToken,
      ip: context.client.ip,
    });
    const actor: AdminActor = {
      workspaceId: member.workspaceId,
      userId: member.userId,
      role: member.role,
      displayName: member.user.name ?? member.user.email,
      ip: context.client.ip,
    };
    return { member, actor };
  } catch (error) {
    throw toErrorResponse(error, request, context);
  }
}
