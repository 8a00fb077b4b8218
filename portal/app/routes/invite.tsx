import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react';
import { Button, FormLayout, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { AuthFrame } from '~/lib/auth-frame';
import { formText } from '~/lib/form-values';
import { failureResponse, sessionToken, setSessionCookie, toErrorResponse } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Join a workspace · Closer' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  try {
    const invitation = await context.closer.identity.describeInvitation(params.token ?? '');
    const session = await context.closer.identity.resolveSession(sessionToken(request, context));
    return {
      workspaceName: invitation.workspaceName,
      email: invitation.email,
      role: invitation.role,
      invitedByName: invitation.invitedByName,
      accountExists: invitation.accountExists,
      signedInAs: session?.user.email ?? null,
    };
  } catch (error) {
    throw toErrorResponse(error, request, context);
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? '';
  const identity = context.closer.identity;
  const meta = { ip: context.client.ip, userAgent: request.headers.get('user-agent') };
  try {
    const session = await identity.resolveSession(sessionToken(request, context));
    if (session) {
      const accepted = await identity.acceptInvitation(token, { userId: session.user.id }, meta);
      await identity.switchWorkspace(sessionToken(request, context), accepted.workspaceId);
      return redirect('/');
    }
    const { name, password } = formText(await request.formData(), 'name', 'password');
    const accepted = await identity.acceptInvitation(token, { name, password }, meta);
    const issued = await identity.createSession(accepted.user.id, meta);
    await identity.switchWorkspace(issued.token, accepted.workspaceId);
    return redirect('/', { headers: { 'Set-Cookie': setSessionCookie(context, issued) } });
  } catch (error) {
    return failureResponse(error, request, context);
  }
}

export default function AcceptInvitation() {
  const invitation = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const title = `Join ${invitation.workspaceName}`;
  const intro = `${invitation.invitedByName ?? 'A teammate'} invited ${invitation.email} to join as ${invitation.role}.`;
  if (invitation.signedInAs || invitation.accountExists) {
    const loginHref = `/login?next=${encodeURIComponent(location.pathname)}`;
    return (
      <AuthFrame title={title} error={failure?.message}>
        <Text as="p">{intro}</Text>
        {invitation.signedInAs ? (
          <Form method="post">
            <Button submit variant="primary" loading={navigation.state === 'submitting'}>
              {`Join as ${invitation.signedInAs}`}
            </Button>
          </Form>
        ) : (
          <Link to={loginHref}>Log in as {invitation.email} to accept</Link>
        )}
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={title} error={failure?.message}>
      <Text as="p">{intro}</Text>
      <Form method="post">
        <FormLayout>
          <TextField label="Your name" name="name" autoComplete="name" value={name} onChange={setName} />
          <TextField
            label="Choose a password"
            name="password"
            type="password"
            autoComplete="new-password"
            helpText="At least 10 characters; not a common password."
            value={password}
            onChange={setPassword}
          />
          <Button submit variant="primary" loading={navigation.state === 'submitting'}>
            Create account and join
          </Button>
        </FormLayout>
      </Form>
    </AuthFrame>
  );
}
