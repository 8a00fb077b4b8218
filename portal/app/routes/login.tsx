import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { BlockStack, Button, FormLayout, InlineStack, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { AuthFrame } from '~/lib/auth-frame';
import { formText } from '~/lib/form-values';
import { failureResponse, safeNextPath, sessionToken, setSessionCookie } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Log in · Closer' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await context.closer.identity.resolveSession(sessionToken(request, context));
  if (session?.activeWorkspaceId) throw redirect(safeNextPath(new URL(request.url).searchParams.get('next')));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const { email, password, next } = formText(form, 'email', 'password', 'next');
  try {
    const { session } = await context.closer.identity.logIn(
      { email, password },
      { ip: context.client.ip, userAgent: request.headers.get('user-agent') },
    );
    return redirect(safeNextPath(next), { headers: { 'Set-Cookie': setSessionCookie(context, session) } });
  } catch (error) {
    return failureResponse(error, request, context);
  }
}

export default function LogIn() {
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <AuthFrame
      title="Log in to Closer"
      error={failure && 'message' in failure ? failure.message : null}
      notice={params.get('reset') === 'done' ? 'Your password was changed. Log in with the new one.' : null}
      footer={
        <InlineStack align="center" gap="200">
          <Text as="span">New to Closer?</Text>
          <Link to="/signup">Create an account</Link>
        </InlineStack>
      }
    >
      <Form method="post">
        <input type="hidden" name="next" value={params.get('next') ?? ''} />
        <FormLayout>
          <TextField label="Email" name="email" type="email" autoComplete="email" value={email} onChange={setEmail} />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
          />
          <BlockStack gap="200">
            <Button submit variant="primary" loading={navigation.state === 'submitting'}>
              Log in
            </Button>
            <Link to="/forgot-password">Forgot your password?</Link>
          </BlockStack>
        </FormLayout>
      </Form>
    </AuthFrame>
  );
}
