import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { Button, Card, FormLayout, Page, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { CsrfField } from '~/lib/csrf';
import { formText } from '~/lib/form-values';
import { failureResponse, requireMember, sessionToken } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'New workspace · Closer' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireMember(request, context);
  return null;
}

/** Any signed-in person may start another workspace (another store); they become its owner. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const { name, _csrf } = formText(form, 'name', '_csrf');
  await requireMember(request, context, { csrfToken: _csrf || null });
  try {
    await context.closer.identity.createWorkspace(sessionToken(request, context), { name }, { ip: context.client.ip });
    return redirect('/install?welcome=1');
  } catch (error) {
    return failureResponse(error, request, context);
  }
}

export default function NewWorkspace() {
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const [name, setName] = useState('');
  return (
    <Page title="Create a workspace" backAction={{ content: 'Home', url: '/' }} narrowWidth>
      <Card>
        <Form method="post">
          <CsrfField />
          <FormLayout>
            <TextField
              label="Store or team name"
              name="name"
              autoComplete="organization"
              value={name}
              onChange={setName}
              error={failure?.fieldErrors?.name ?? failure?.message}
              helpText="You will own it; invite your team from its Team page."
            />
            <Button submit variant="primary" loading={navigation.state === 'submitting'}>
              Create workspace
            </Button>
          </FormLayout>
        </Form>
      </Card>
    </Page>
  );
}
