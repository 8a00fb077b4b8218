import { useFetcher, useLoaderData, useNavigate } from '@remix-run/react';
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  InlineStack,
  Layout,
  Modal,
  Page,
  Pagination,
  Select,
  Text,
} from '@shopify/polaris';
import { useState } from 'react';
import { failureOf } from '~/admin/settings-common/action-result';
import { formatDate, formatDateTime } from '~/admin/settings-common/time-ago';
import { useAppLayout, useCan } from '~/lib/csrf';
import { InviteCard } from './invite-card';
import { grantableRoles, isRoleAtMost, type Role, roleNames } from './roles';
import type { loader } from './team.server';

type TeamData = ReturnType<typeof useLoaderData<typeof loader>>;
type Member = TeamData['members'][number];
type Confirmation = { kind: 'remove' | 'transfer'; member: Member };

/** One fetcher for every change to a member or invitation, so one banner can say what went wrong. */
function useTeamAction() {
  const { csrfToken } = useAppLayout();
  const fetcher = useFetcher({ key: 'team-action' });
  const submit = (intent: string, fields: Record<string, string>) =>
    fetcher.submit({ intent, _csrf: csrfToken, ...fields }, { method: 'post' });
  return { fetcher, submit, failure: failureOf(fetcher.data) };
}

export default function TeamPage() {
  const team = useLoaderData<typeof loader>();
  const canManage = useCan('team.manage');
  const navigate = useNavigate();
  const { fetcher, submit, failure } = useTeamAction();
  const [confirming, setConfirming] = useState<Confirmation | null>(null);

  return (
    <Page title="Team" subtitle={`${team.memberCount} ${team.memberCount === 1 ? 'member' : 'members'}`}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {failure ? (
              <Banner tone="critical" title="That did not work">
                <p>{failure.message}</p>
              </Banner>
            ) : null}
            <Card padding="0">
              <Box padding="400">
                <Text as="h2" variant="headingMd">
                  Members
                </Text>
              </Box>
              <DataTable
                columnContentTypes={['text', 'text', 'text', 'text']}
                headings={['Member', 'Role', 'Joined', 'Actions']}
                rows={team.members.map((member) => [
                  <BlockStack key="who" gap="050">
                    <Text as="span" fontWeight="semibold">
                      {member.name ?? member.email}
                      {member.userId === team.you.userId ? ' (you)' : ''}
                    </Text>
                    {member.name ? (
                      <Text as="span" tone="subdued">
                        {member.email}
                      </Text>
                    ) : null}
                  </BlockStack>,
                  <MemberRole
                    key="role"
                    member={member}
                    you={team.you}
                    canManage={canManage}
                    busy={fetcher.state !== 'idle'}
                    onChange={(role) => submit('changeRole', { userId: member.userId, role })}
                  />,
                  <span key="joined" title={formatDateTime(member.joinedAt)}>
                    {formatDate(member.joinedAt)}
                  </span>,
                  <MemberActions
                    key="actions"
                    member={member}
                    you={team.you}
                    canManage={canManage}
                    onConfirm={(kind) => setConfirming({ kind, member })}
                  />,
                ])}
              />
              {team.pageCount > 1 ? (
                <Box padding="400">
                  <InlineStack align="center">
                    <Pagination
                      hasPrevious={team.page > 1}
                      hasNext={team.page < team.pageCount}
                      onPrevious={() => navigate(`?page=${team.page - 1}`)}
                      onNext={() => navigate(`?page=${team.page + 1}`)}
                      label={`Page ${team.page} of ${team.pageCount}`}
                    />
                  </InlineStack>
                </Box>
              ) : null}
            </Card>
            {canManage ? <PendingInvitations invitations={team.invitations} onRevoke={submit} /> : null}
          </BlockStack>
        </Layout.Section>
        {canManage ? (
          <Layout.Section variant="oneThird">
            <InviteCard ownRole={team.you.role} />
          </Layout.Section>
        ) : null}
      </Layout>
      <ConfirmMemberChange
        confirmation={confirming}
        busy={fetcher.state !== 'idle'}
        onCancel={() => setConfirming(null)}
        onConfirm={({ kind, member }) => {
          submit(kind === 'remove' ? 'removeMember' : 'transferOwnership', { userId: member.userId });
          setConfirming(null);
        }}
      />
    </Page>
  );
}

function MemberRole(props: {
  member: Member;
  you: TeamData['you'];
  canManage: boolean;
  busy: boolean;
  onChange(role: Role): void;
}) {
  const { member, you } = props;
  const editable = props.canManage && member.userId !== you.userId && isRoleAtMost(member.role, you.role);
  if (!editable) return <Badge>{roleNames[member.role]}</Badge>;
  return (
    <Select
      label={`Role of ${member.name ?? member.email}`}
      labelHidden
      disabled={props.busy}
      options={grantableRoles(you.role).map((role) => ({ label: roleNames[role], value: role }))}
      value={member.role}
      onChange={(role) => props.onChange(role as Role)}
    />
  );
}

function MemberActions(props: {
  member: Member;
  you: TeamData['you'];
  canManage: boolean;
  onConfirm(kind: Confirmation['kind']): void;
}) {
  const { member, you } = props;
  if (member.userId === you.userId) return null;
  const name = member.name ?? member.email;
  return (
    <InlineStack gap="300">
      {you.role === 'owner' && member.role !== 'owner' ? (
        <Button
          variant="plain"
          // The accessible name starts with the visible words, so voice control ("click Make owner") finds it.
          accessibilityLabel={`Make owner: ${name}`}
          onClick={() => props.onConfirm('transfer')}
        >
          Make owner
        </Button>
      ) : null}
      {props.canManage && isRoleAtMost(member.role, you.role) ? (
        <Button
          variant="plain"
          tone="critical"
          accessibilityLabel={`Remove ${name}`}
          onClick={() => props.onConfirm('remove')}
        >
          Remove
        </Button>
      ) : null}
    </InlineStack>
  );
}

function ConfirmMemberChange(props: {
  confirmation: Confirmation | null;
  busy: boolean;
  onCancel(): void;
  onConfirm(confirmation: Confirmation): void;
}) {
  const { confirmation } = props;
  const name = confirmation ? (confirmation.member.name ?? confirmation.member.email) : '';
  const removing = confirmation?.kind === 'remove';
  return (
    <Modal
      open={confirmation !== null}
      onClose={props.onCancel}
      title={removing ? `Remove ${name}?` : `Make ${name} the owner?`}
      primaryAction={{
        content: removing ? 'Remove member' : 'Transfer ownership',
        destructive: true,
        loading: props.busy,
        onAction: () => confirmation && props.onConfirm(confirmation),
      }}
      secondaryActions={[{ content: 'Cancel', onAction: props.onCancel }]}
    >
      <Modal.Section>
        <Text as="p">
          {removing
            ? `${name} loses access to this workspace at once. You can invite them again later.`
            : `${name} becomes the owner and you become an admin. Only an owner can undo this.`}
        </Text>
      </Modal.Section>
    </Modal>
  );
}

function PendingInvitations(props: {
  invitations: TeamData['invitations'];
  onRevoke(intent: string, fields: Record<string, string>): void;
}) {
  return (
    <Card padding="0">
      <Box padding="400">
        <Text as="h2" variant="headingMd">
          Pending invitations
        </Text>
      </Box>
      {props.invitations.length === 0 ? (
        <Box padding="400" paddingBlockStart="0">
          <Text as="p" tone="subdued">
            No invitations waiting to be accepted.
          </Text>
        </Box>
      ) : (
        <DataTable
          columnContentTypes={['text', 'text', 'text', 'text', 'text']}
          headings={['Email', 'Role', 'Invited by', 'Expires', 'Actions']}
          rows={props.invitations.map((invitation) => [
            invitation.email,
            roleNames[invitation.role],
            invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? '—',
            <span key="expires" title={formatDateTime(invitation.expiresAt)}>
              {formatDate(invitation.expiresAt)}
            </span>,
            <Button
              key="revoke"
              variant="plain"
              tone="critical"
              accessibilityLabel={`Revoke the invitation for ${invitation.email}`}
              onClick={() => props.onRevoke('revokeInvitation', { invitationId: invitation.id })}
            >
              Revoke
            </Button>,
          ])}
        />
      )}
    </Card>
  );
}
