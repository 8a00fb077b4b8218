import { useFetcher } from '@remix-run/react';
import { Badge, BlockStack, Box, Button, Card, InlineStack, Select, Text } from '@shopify/polaris';
import { useAppLayout } from '~/lib/csrf';
import type { ConversationActionResult, ConversationLoaderData } from './conversation.server';
import type { InboxMember } from './inbox-context';
import { intentLabel, RelativeTime, sentimentLabel } from './inbox-format';

/** Beside the transcript: who the shopper is, their orders, who owns the conversation, and what it is about. */
type Conversation = ConversationLoaderData['conversation'];
type Order = ConversationLoaderData['orders'][number];

export function ConversationSidebar(props: {
  conversation: Conversation;
  orders: Order[];
  assignedUserId: string | null;
  members: InboxMember[];
  canReply: boolean;
}) {
  return (
    <BlockStack gap="400">
      <ShopperCard conversation={props.conversation} />
      <AssigneeCard assignedUserId={props.assignedUserId} members={props.members} canReply={props.canReply} />
      <SummaryCard conversation={props.conversation} canReply={props.canReply} />
      <OrdersCard email={props.conversation.contact?.email ?? null} orders={props.orders} />
    </BlockStack>
  );
}

function ShopperCard({ conversation }: { conversation: Conversation }) {
  const { contact } = conversation;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          Shopper
        </Text>
        {contact ? (
          <BlockStack gap="050">
            {contact.name ? <Text as="p">{contact.name}</Text> : null}
            {contact.email ? <Text as="p">{contact.email}</Text> : null}
            {contact.phone ? <Text as="p">{contact.phone}</Text> : null}
            <Text as="p" variant="bodySm" tone="subdued">
              {contact.marketingOptIn ? 'Agreed to marketing email' : 'No marketing consent'}
            </Text>
          </BlockStack>
        ) : (
          <Text as="p" tone="subdued">
            Anonymous visitor: no email left yet.
          </Text>
        )}
        <BlockStack gap="050">
          <Text as="p" variant="bodySm" tone="subdued">
            Started <RelativeTime iso={conversation.createdAt} />
            {conversation.locale ? ` · language ${conversation.locale}` : ''}
          </Text>
          {conversation.pageUrl ? (
            <Text as="p" variant="bodySm" tone="subdued" breakWord>
              {`On ${conversation.pageUrl}`}
            </Text>
          ) : null}
          {conversation.rating ? <Text as="p" variant="bodySm">{`Rated ${conversation.rating} of 5`}</Text> : null}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

function AssigneeCard(props: { assignedUserId: string | null; members: InboxMember[]; canReply: boolean }) {
  const { csrfToken } = useAppLayout();
  const assign = useFetcher<ConversationActionResult>();
  const pending = assign.formData?.get('userId');
  const value = typeof pending === 'string' ? pending : (props.assignedUserId ?? '');
  const options = [
    { label: 'Unassigned', value: '' },
    ...props.members
      .filter((member) => member.canReply || member.userId === props.assignedUserId)
      .map((member) => ({ label: member.name, value: member.userId })),
  ];
  const failure = assign.data && !assign.data.ok ? assign.data.message : undefined;
  return (
    <Card>
      <Select
        label="Assigned to"
        options={options}
        value={value}
        disabled={!props.canReply || assign.state !== 'idle'}
        onChange={(userId) => assign.submit({ _csrf: csrfToken, intent: 'assign', userId }, { method: 'post' })}
        error={failure}
      />
    </Card>
  );
}

function SummaryCard({ conversation, canReply }: { conversation: Conversation; canReply: boolean }) {
  const { csrfToken } = useAppLayout();
  const summarize = useFetcher<ConversationActionResult>();
  const failure = summarize.data && !summarize.data.ok ? summarize.data.message : null;
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingSm">
            Summary
          </Text>
          {canReply ? (
            <Button
              variant="plain"
              loading={summarize.state !== 'idle'}
              onClick={() => summarize.submit({ _csrf: csrfToken, intent: 'summarize' }, { method: 'post' })}
            >
              {conversation.summary ? 'Summarize again' : 'Summarize now'}
            </Button>
          ) : null}
        </InlineStack>
        {conversation.summary ? (
          <Text as="p">{conversation.summary}</Text>
        ) : (
          <Text as="p" tone="subdued">
            Not summarised yet. Conversations are summarised once they have been quiet for ten minutes.
          </Text>
        )}
        <InlineStack gap="200">
          {conversation.intent ? <Badge>{intentLabel(conversation.intent)}</Badge> : null}
          {conversation.sentiment !== null ? (
            <Text as="span" variant="bodySm">{`Sentiment: ${sentimentLabel(conversation.sentiment)}`}</Text>
          ) : null}
        </InlineStack>
        {failure ? (
          <Text as="p" tone="critical">
            {failure}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function OrdersCard({ email, orders }: { email: string | null; orders: Order[] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          Orders
        </Text>
        {orders.length === 0 ? (
          <Text as="p" tone="subdued">
            {email ? `No orders placed with ${email}.` : 'Orders show here once the shopper leaves their email.'}
          </Text>
        ) : (
          <BlockStack gap="200">
            {orders.map((order) => (
              <Box
                key={order.number}
                borderBlockStartWidth="025"
                borderColor="border-secondary"
                paddingBlockStart="200"
              >
                <BlockStack gap="050">
                  <InlineStack align="space-between" gap="200">
                    <Text as="span" fontWeight="semibold">
                      {order.number}
                    </Text>
                    <Badge>{order.status}</Badge>
                  </InlineStack>
                  <Text as="p" variant="bodySm">
                    {`${order.total} ${order.currency} · ${order.items.reduce((sum, item) => sum + item.quantity, 0)} items`}
                  </Text>
                  <Text as="p" variant="bodySm" tone="subdued">
                    <RelativeTime iso={order.placedAt} />
                  </Text>
                </BlockStack>
              </Box>
            ))}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}
