import { Link, Outlet, useLoaderData, useLocation, useNavigate, useParams } from '@remix-run/react';
import {
  Badge,
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  InlineGrid,
  InlineStack,
  Page,
  Text,
} from '@shopify/polaris';
import { useMemo } from 'react';
import type { InboxLoaderData } from './inbox.server';
import type { InboxContext, InboxMember } from './inbox-context';
import { RelativeTime, StatusBadge, visitorName } from './inbox-format';
import type { InboxFilter, InboxRow } from './inbox-live';
import { type Connection, useAgentSocket } from './use-agent-socket';
import { useLiveRows } from './use-live-rows';

/**
 * The inbox: filters and the conversation list on the left, the open
 * conversation (the child route) on the right. One `/agent` socket serves
 * both; the list patches itself from events and reloads (throttled) when
 * only the server can tell, e.g. the counts.
 */
const filters: { filter: InboxFilter; label: string; empty: string }[] = [
  { filter: 'all', label: 'All', empty: 'No conversations yet. They appear here as soon as a shopper writes.' },
  { filter: 'ai', label: 'AI', empty: 'The assistant is not answering anyone right now.' },
  { filter: 'waiting', label: 'Waiting', empty: 'Nobody is waiting for a person.' },
  { filter: 'mine', label: 'Mine', empty: 'No open conversations are assigned to you.' },
  { filter: 'closed', label: 'Closed', empty: 'No closed conversations.' },
];

const connectionBadges: Record<Connection, { label: string; tone?: 'success' | 'attention' }> = {
  connecting: { label: 'Connecting…' },
  live: { label: 'Live', tone: 'success' },
  reconnecting: { label: 'Reconnecting…', tone: 'attention' },
};

export default function InboxPage() {
  const data = useLoaderData() as InboxLoaderData;
  const location = useLocation();
  const navigate = useNavigate();
  const { conversationId } = useParams();
  const { socket, connection } = useAgentSocket(data.agentToken);
  const rows = useLiveRows(data, socket);

  const selected = filters.find((entry) => entry.filter === data.filter) ?? filters[0];
  const membersById = useMemo(() => new Map(data.members.map((member) => [member.userId, member])), [data.members]);
  const context: InboxContext = { socket, connection, members: data.members, me: data.me };
  const pageLink = (cursor?: string) =>
    `${location.pathname}?filter=${data.filter}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const badge = connectionBadges[connection];

  return (
    <Page fullWidth title="Inbox" titleMetadata={<Badge tone={badge.tone}>{badge.label}</Badge>}>
      <InlineGrid columns={{ xs: 1, md: ['oneThird', 'twoThirds'] }} gap="400" alignItems="start">
        <Card padding="0">
          <Box padding="300" borderBlockEndWidth="025" borderColor="border-secondary">
            <nav aria-label="Filter conversations">
              <ButtonGroup gap="tight">
                {filters.map(({ filter, label }) => (
                  <Button
                    key={filter}
                    size="slim"
                    variant={filter === data.filter ? 'secondary' : 'tertiary'}
                    pressed={filter === data.filter}
                    onClick={() => navigate(`${location.pathname}?filter=${filter}`)}
                  >
                    {`${label} (${data.counts[filter]})`}
                  </Button>
                ))}
              </ButtonGroup>
            </nav>
          </Box>
          {rows.length === 0 ? (
            <Box padding="400">
              <Text as="p" tone="subdued">
                {selected?.empty}
              </Text>
            </Box>
          ) : (
            <ul aria-label="Conversations" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {rows.map((row) => (
                <ConversationRow
                  key={row.id}
                  row={row}
                  to={`/inbox/${row.id}${location.search}`}
                  selected={row.id === conversationId}
                  assignee={row.assignedUserId ? membersById.get(row.assignedUserId) : undefined}
                />
              ))}
            </ul>
          )}
          {data.nextCursor || !data.firstPage ? (
            <Box padding="300">
              <InlineStack gap="200">
                {data.firstPage ? null : <Button url={pageLink()}>Newest</Button>}
                {data.nextCursor ? <Button url={pageLink(data.nextCursor)}>Older conversations</Button> : null}
              </InlineStack>
            </Box>
          ) : null}
        </Card>
        {conversationId ? (
          <Outlet context={context} />
        ) : (
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                No conversation open
              </Text>
              <Text as="p" tone="subdued">
                Choose a conversation from the list to read it and answer the shopper.
              </Text>
            </BlockStack>
          </Card>
        )}
      </InlineGrid>
    </Page>
  );
}

function ConversationRow(props: { row: InboxRow; to: string; selected: boolean; assignee?: InboxMember }) {
  const { row, selected, assignee } = props;
  const name = row.contact?.name ?? row.contact?.email ?? visitorName(row.id);
  return (
    <li>
      <Link
        to={props.to}
        aria-current={selected ? 'page' : undefined}
        style={{ display: 'block', color: 'inherit', textDecoration: 'none' }}
      >
        <Box
          padding="300"
          background={selected ? 'bg-surface-selected' : undefined}
          borderBlockStartWidth="025"
          borderColor="border-secondary"
        >
          <BlockStack gap="100">
            <InlineStack align="space-between" blockAlign="center" gap="200" wrap={false}>
              <Text as="span" fontWeight="semibold" truncate>
                {name}
              </Text>
              <Text as="span" variant="bodySm" tone="subdued">
                <RelativeTime iso={row.lastMessageAt} />
              </Text>
            </InlineStack>
            <Text as="p" variant="bodySm" tone="subdued" truncate>
              {row.preview ? row.preview.text : 'No messages yet'}
            </Text>
            <InlineStack gap="100">
              <StatusBadge status={row.status} />
              {assignee ? <Badge>{`Assigned to ${assignee.name}`}</Badge> : null}
            </InlineStack>
          </BlockStack>
        </Box>
      </Link>
    </li>
  );
}
