import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { clearSessionCookie, requireMember, sessionToken } from '~/lib/session.server';

/** POST only (with the CSRF token): a cross-site link or image cannot log someone out. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const csrf = form.get('_csrf');
  await requireMember(request, context, { csrfToken: typeof csrf === 'string' ? csrf : null });
  await context.closer.identity.endSession(sessionToken(request, context));
  return redirect('/login', { headers: { 'Set-Cookie': clearSessionCookie(context) } });
}

export async function loader() {
  return redirect('/');
}
