import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { failureResponse, requireMember, sessionToken } from '~/lib/session.server';

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const csrf = form.get('_csrf');
  await requireMember(request, context, { csrfToken: typeof csrf === 'string' ? csrf : null });
  try {
    await context.closer.identity.switchWorkspace(
      sessionToken(request, context),
      String(form.get('workspaceId') ?? ''),
    );
    return redirect('/');
  } catch (error) {
    return failureResponse(error, request, context);
  }
}

export async function loader() {
  return redirect('/');
}
