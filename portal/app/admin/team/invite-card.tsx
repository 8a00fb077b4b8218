import { useFetcher } from '@remix-run/react';
import { Banner, BlockStack, Button, Card, FormLayout, Select, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { type ActionResult, failureOf, useFetcherSuccess } from '~/admin/settings-common/action-result';
import { CopyField } from '~/admin/settings-common/copy-field';
import { CsrfField } from '~/lib/csrf';
import { grantableRoles, type Role, roleLabels, roleNames } from './roles';

type Invited = ActionResult<{ intent: 'invite'; link: string; emailed: boolean; invitation: { email: string } }>;

/** Invite by email and role; the link is shown once here (and emailed). */
export function InviteCard({ ownRole }: { ownRole: Role }) {
  const fetcher = useFetcher<Invited>();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const failure = failureOf(fetcher.data);
  useFetcherSuccess(fetcher, () => setEmail(''));
  const invited = fetcher.data?.ok ? fetcher.data : null;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Invite a teammate
        </Text>
        {failure && !failure.fieldErrors ? (
          <Banner tone="critical">
            <p>{failure.message}</p>
          </Banner>
        ) : null}
        <fetcher.Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="invite" />
          <FormLayout>
            <FormLayout.Group>
              <TextField
                label="Email"
                name="email"
                type="email"
                autoComplete="off"
                value={email}
                onChange={setEmail}
                error={failure?.fieldErrors?.email}
              />
              <Select
                label="Role"
                name="role"
                options={grantableRoles(ownRole).map((value) => ({ label: roleNames[value], value }))}
                value={role}
                onChange={(value) => setRole(value as Role)}
                helpText={roleLabels[role]}
                error={failure?.fieldErrors?.role}
              />
            </FormLayout.Group>
            <Button submit variant="primary" loading={fetcher.state !== 'idle'}>
              Send invitation
            </Button>
          </FormLayout>
        </fetcher.Form>
        {invited ? (
          <Banner tone="success" title={`Invitation for ${invited.invitation.email} created`}>
            <BlockStack gap="300">
              <p>
                {invited.emailed
                  ? 'We are emailing this link to them. You can also send it yourself: it is shown only now, works once and expires in 7 days.'
                  : 'The email could not be sent, so share this link yourself: it is shown only now, works once and expires in 7 days.'}
              </p>
              <CopyField label="Invitation link" value={invited.link} />
            </BlockStack>
          </Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}
