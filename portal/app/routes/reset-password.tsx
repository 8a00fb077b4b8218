import { type ActionFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { Button, FormLayout, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { AuthFrame } from '~/lib/auth-frame';
import { formText } from '~/lib/form-values';
import { clearSessionCookie, failureResponse } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Closer' }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { password } = formText(await request.formData(), 'password');
  try {
    await context.closer.identity.resetPassword(params.token ?? '', password, { ip: context.client.ip });
    // Every session of the account ended with the reset; this browser logs in afresh.
    return redirect('/login?reset=done', { headers: { 'Set-Cookie': clearSessionCookie(context) } });
  } catch (error) {
    return failureResponse(error, request, context);
  }
}

export default function ResetPassword() {
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const [password, setPassword] = useState('');
  return (
    <AuthFrame
      title="Choose a new password"
      error={failure?.message}
      footer={<Link to="/forgot-password">Send a new link</Link>}
    >
      <Form method="post">
        <FormLayout>
          <TextField
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            helpText="At least 10 characters; not a common password."
            value={password}
            onChange={setPassword}
          />
          <Button submit variant="primary" loading={navigation.state === 'submitting'}>
            Change password
          </Button>
        </FormLayout>
      </Form>
    </AuthFrame>
  );
}
