import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { Button, FormLayout, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { AuthFrame } from '~/lib/auth-frame';
import { formText } from '~/lib/form-values';
import { failureResponse } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Reset your password · Closer' }];

export async function action({ request, context }: ActionFunctionArgs) {
  const { email } = formText(await request.formData(), 'email');
  try {
    // Same answer whether or not the address has an account: the form must not reveal who uses Closer.
    await context.closer.identity.requestPasswordReset(email, { ip: context.client.ip });
    return { ok: true as const };
  } catch (error) {
    return failureResponse(error, request, context);
  }
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [email, setEmail] = useState('');
  return (
    <AuthFrame
      title="Reset your password"
      error={result && !result.ok ? result.message : null}
      notice={result?.ok ? 'If that address has an account, a link to choose a new password is on its way.' : null}
      footer={<Link to="/login">Back to log in</Link>}
    >
      <Form method="post">
        <FormLayout>
          <TextField label="Email" name="email" type="email" autoComplete="email" value={email} onChange={setEmail} />
          <Button submit variant="primary" loading={navigation.state === 'submitting'}>
            Send the link
          </Button>
        </FormLayout>
      </Form>
    </AuthFrame>
  );
}
