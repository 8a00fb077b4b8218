import { type ActionFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { Button, FormLayout, InlineStack, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { AuthFrame } from '~/lib/auth-frame';
import { formText } from '~/lib/form-values';
import { failureResponse, setSessionCookie } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Create your account · Closer' }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const input = formText(form, 'name', 'email', 'password', 'workspaceName');
  const meta = { ip: context.client.ip, userAgent: request.headers.get('user-agent') };
  try {
    const { user } = await context.closer.identity.signUp(input, meta);
    const session = await context.closer.identity.createSession(user.id, meta);
    // A new team's first stop: the snippet that puts the assistant on their store.
    return redirect('/install?welcome=1', { headers: { 'Set-Cookie': setSessionCookie(context, session) } });
  } catch (error) {
    return failureResponse(error, request, context);
  }
}

export default function SignUp() {
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const [values, setValues] = useState({ name: '', email: '', password: '', workspaceName: '' });
  const field = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (value: string) => setValues((current) => ({ ...current, [name]: value })),
    error: failure?.fieldErrors?.[name],
  });
  return (
    <AuthFrame
      title="Create your Closer account"
      error={failure?.message}
      footer={
        <InlineStack align="center" gap="200">
          <Text as="span">Already have an account?</Text>
          <Link to="/login">Log in</Link>
        </InlineStack>
      }
    >
      <Form method="post">
        <FormLayout>
          <TextField label="Your name" autoComplete="name" {...field('name')} />
          <TextField label="Work email" type="email" autoComplete="email" {...field('email')} />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            helpText="At least 10 characters; not a common password."
            {...field('password')}
          />
          <TextField label="Store or team name" autoComplete="organization" {...field('workspaceName')} />
          <Button submit variant="primary" loading={navigation.state === 'submitting'}>
            Create account
          </Button>
        </FormLayout>
      </Form>
    </AuthFrame>
  );
}
