import { isRouteErrorResponse, useFetcher, useLoaderData, useRouteError } from '@remix-run/react';
import { Banner, BlockStack, Box, Button, ButtonGroup, Card, InlineGrid, InlineStack, Text } from '@shopify/polaris';
import { useEffect, useMemo, useRef } from 'react';
import { useAppLayout, useCan } from '~/lib/csrf';
import { Composer } from './composer';
import type { ConversationActionResult, ConversationLoaderData } from './conversation.server';
import { ConversationSidebar } from './conversation-sidebar';
import { useInboxContext } from './inbox-context';
import { StatusBadge, visitorName } from './inbox-format';
import { mergeTranscript, type ShownMessage } from './inbox-live';
import { TranscriptMessage } from './transcript-message';
import { useLiveConversation } from './use-live-conversation';

/**
 * One conversation inside the inbox: header with the hand-over actions, the
 * live transcript with the composer, and the side panel. The transcript is
 * what the loader read plus what the socket brought since (the reply being
 * written included: this inbox watches the conversation it has open).
 */
type Status = ConversationLoaderData['conversation']['status'];

export default function ConversationPage() {
  const data = useLoaderData() as ConversationLoaderData;
  const { conversation } = data;
  const { members } = useInboxContext();
  const canReply = useCan('inbox.reply');
  const live = useLiveConversation(data);
  const membersById = useMemo(() => new Map(members.map((member) => [member.userId, member])), [members]);
  const shopperName = conversation.contact?.name ?? conversation.contact?.email ?? visitorName(conversation.id);
  const messages = mergeTranscript([...live.earlier, ...data.messages], live.messages);

  return (
    <BlockStack gap="400">
      <ConversationHeader title={shopperName} status={live.status} canReply={canReply} />
      <InlineGrid columns={{ xs: 1, lg: ['twoThirds', 'oneThird'] }} gap="400" alignItems="start">
        <Card>
          <BlockStack gap="300">
            <Transcript
              messages={messages}
              shopperName={shopperName}
              authorName={(message) =>
                message.authorName ??
                (message.authorUserId ? (membersById.get(message.authorUserId)?.name ?? 'Former team member') : null)
              }
              hasEarlier={live.hasEarlier}
              loadEarlier={live.loadEarlier}
              loadingEarlier={live.loadingEarlier}
              typing={live.typing}
            />
            {canReply ? (
              <Composer status={live.status} onSent={live.add} />
            ) : (
              <Banner tone="info">Your role can read conversations but not answer them.</Banner>
            )}
          </BlockStack>
        </Card>
        <ConversationSidebar
          conversation={conversation}
          orders={data.orders}
          assignedUserId={live.assignedUserId}
          members={members}
          canReply={canReply}
        />
      </InlineGrid>
    </BlockStack>
  );
}

function ConversationHeader(props: { title: string; status: Status; canReply: boolean }) {
  const { csrfToken } = useAppLayout();
  const act = useFetcher<ConversationActionResult>();
  const pending = act.formData?.get('intent');
  const run = (intent: string) => act.submit({ _csrf: csrfToken, intent }, { method: 'post' });
  const { status } = props;
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center" gap="300">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingLg">
              {props.title}
            </Text>
            <StatusBadge status={status} />
          </InlineStack>
          {props.canReply && status !== 'closed' ? (
            <ButtonGroup>
              {status === 'human' ? (
                <Button onClick={() => run('handBack')} loading={pending === 'handBack'}>
                  Hand back to AI
                </Button>
              ) : (
                <Button variant="primary" onClick={() => run('takeOver')} loading={pending === 'takeOver'}>
                  Take over
                </Button>
              )}
              <Button onClick={() => run('close')} loading={pending === 'close'}>
                Close
              </Button>
            </ButtonGroup>
          ) : null}
        </InlineStack>
        {act.data && !act.data.ok ? (
          <Text as="p" tone="critical">
            {act.data.message}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function Transcript(props: {
  messages: ShownMessage[];
  shopperName: string;
  authorName: (message: ShownMessage) => string | null;
  hasEarlier: boolean;
  loadEarlier: () => void;
  loadingEarlier: boolean;
  typing: boolean;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const last = props.messages.at(-1);
  const lastKey = `${props.messages.length}:${last?.id}:${last?.text.length}`;
  // Follow new messages, unless the person scrolled up to read.
  useEffect(() => {
    const element = scroller.current;
    if (!element || !lastKey) return;
    if (element.scrollHeight - element.scrollTop - element.clientHeight < 160) element.scrollTop = element.scrollHeight;
  }, [lastKey]);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  }, []);

  return (
    <div
      ref={scroller}
      role="log"
      aria-label="Transcript"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      style={{ maxHeight: '60vh', minHeight: '12rem', overflowY: 'auto' }}
    >
      <BlockStack gap="300">
        {props.hasEarlier ? (
          <InlineStack align="center">
            <Button variant="plain" onClick={props.loadEarlier} loading={props.loadingEarlier}>
              Show earlier messages
            </Button>
          </InlineStack>
        ) : null}
        {props.messages.length === 0 ? (
          <Text as="p" tone="subdued">
            No messages yet.
          </Text>
        ) : null}
        {props.messages.map((message) => (
          <TranscriptMessage
            key={message.id}
            message={message}
            authorName={props.authorName(message)}
            shopperName={props.shopperName}
          />
        ))}
        {props.typing ? (
          <Box paddingInlineStart="100">
            <Text as="p" variant="bodySm" tone="subdued">
              The assistant is writing…
            </Text>
          </Box>
        ) : null}
      </BlockStack>
    </div>
  );
}

export function ConversationErrorBoundary() {
  const error = useRouteError();
  const message =
    isRouteErrorResponse(error) && error.status === 404
      ? 'This conversation does not exist, or it belongs to another workspace.'
      : isRouteErrorResponse(error) && typeof error.data === 'object' && error.data && 'message' in error.data
        ? String((error.data as { message: unknown }).message)
        : 'Something went wrong while opening this conversation. Please try again.';
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Conversation unavailable
        </Text>
        <Text as="p">{message}</Text>
      </BlockStack>
    </Card>
  );
}
