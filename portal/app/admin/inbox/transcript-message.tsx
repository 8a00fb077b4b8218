import { BlockStack, Box, Button, Collapsible, InlineStack, Text, Thumbnail } from '@shopify/polaris';
import { useState } from 'react';
import type { OrderCard, ProductCard } from '../../../../server/src/modules/conversations';
import { RelativeTime } from './inbox-format';
import type { ShownMessage } from './inbox-live';

/**
 * One message of the transcript as the team sees it. Text is rendered as
 * text (never as HTML); notes stand apart from what the shopper sees.
 */
type Background = 'bg-surface-secondary' | 'bg-surface-info' | 'bg-surface-success' | 'bg-surface-warning';

const backgrounds: Record<Exclude<ShownMessage['role'], 'system'>, Background> = {
  shopper: 'bg-surface-secondary',
  assistant: 'bg-surface-info',
  agent: 'bg-surface-success',
  note: 'bg-surface-warning',
};

export function TranscriptMessage(props: { message: ShownMessage; authorName: string | null; shopperName: string }) {
  const { message, authorName } = props;
  if (message.role === 'system') {
    return (
      <div data-role="system">
        <Text as="p" variant="bodySm" tone="subdued" alignment="center">
          {message.text}
        </Text>
      </div>
    );
  }
  const label = {
    shopper: props.shopperName,
    assistant: 'Assistant',
    agent: authorName ?? 'Team',
    note: `Internal note · ${authorName ?? 'Team'}`,
  }[message.role];
  const fromShopper = message.role === 'shopper';
  return (
    <div data-role={message.role} style={{ display: 'flex', justifyContent: fromShopper ? 'flex-start' : 'flex-end' }}>
      <div style={{ maxWidth: '85%', minWidth: '40%' }}>
        <Box
          background={backgrounds[message.role]}
          padding="300"
          borderRadius="300"
          borderWidth={message.role === 'note' ? '025' : undefined}
          borderColor={message.role === 'note' ? 'border-caution' : undefined}
        >
          <BlockStack gap="150">
            <InlineStack align="space-between" gap="200" wrap={false}>
              <Text as="span" variant="bodySm" fontWeight="semibold">
                {label}
              </Text>
              <Text as="span" variant="bodySm" tone="subdued">
                <RelativeTime iso={message.createdAt} />
              </Text>
            </InlineStack>
            <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              <Text as="p">{message.text || (message.streaming ? '…' : '')}</Text>
            </div>
            {message.streaming ? (
              <Text as="span" variant="bodySm" tone="subdued">
                Writing…
              </Text>
            ) : null}
            {message.products.length > 0 ? <ProductCards products={message.products} /> : null}
            {message.orders.length > 0 ? <OrderCards orders={message.orders} /> : null}
            {message.toolCalls.length > 0 ? <ToolCalls message={message} /> : null}
          </BlockStack>
        </Box>
      </div>
    </div>
  );
}

function ProductCards({ products }: { products: ProductCard[] }) {
  return (
    <InlineStack gap="200">
      {products.map((product) => (
        <Box key={product.id} background="bg-surface" padding="200" borderRadius="200" maxWidth="16rem">
          <InlineStack gap="200" wrap={false} blockAlign="center">
            {product.imageUrl ? <Thumbnail source={product.imageUrl} alt="" size="small" /> : null}
            <BlockStack gap="050">
              <Text as="span" variant="bodySm" fontWeight="semibold">
                {product.url ? (
                  <a href={product.url} target="_blank" rel="noopener noreferrer">
                    {product.title}
                  </a>
                ) : (
                  product.title
                )}
              </Text>
              <Text as="span" variant="bodySm">
                {`${product.price} ${product.currency}${product.available ? '' : ' · sold out'}`}
              </Text>
            </BlockStack>
          </InlineStack>
        </Box>
      ))}
    </InlineStack>
  );
}

function OrderCards({ orders }: { orders: OrderCard[] }) {
  return (
    <BlockStack gap="100">
      {orders.map((order) => (
        <Box key={order.number} background="bg-surface" padding="200" borderRadius="200">
          <Text as="p" variant="bodySm">
            {`Order ${order.number} · ${order.status} · ${order.total} ${order.currency}`}
          </Text>
        </Box>
      ))}
    </BlockStack>
  );
}

/** What the assistant looked up before answering: closed by default, one click away. */
function ToolCalls({ message }: { message: ShownMessage }) {
  const [open, setOpen] = useState(false);
  const id = `tool-calls-${message.id}`;
  const code = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, fontSize: '0.75rem' } as const;
  return (
    <BlockStack gap="100">
      <div>
        <Button
          variant="plain"
          disclosure={open ? 'up' : 'down'}
          onClick={() => setOpen((value) => !value)}
          ariaExpanded={open}
          ariaControls={id}
        >
          {`Tool calls (${message.toolCalls.length})`}
        </Button>
      </div>
      <Collapsible open={open} id={id}>
        <BlockStack gap="200">
          {message.toolCalls.map((call) => (
            <Box key={call.id} background="bg-surface" padding="200" borderRadius="200">
              <BlockStack gap="100">
                <Text as="p" variant="bodySm" fontWeight="semibold">
                  {call.name}
                </Text>
                <pre style={code}>{JSON.stringify(call.args, null, 1)}</pre>
                <Text as="p" variant="bodySm" tone="subdued">
                  Result
                </Text>
                <pre style={code}>{call.result ?? 'No result was stored.'}</pre>
              </BlockStack>
            </Box>
          ))}
        </BlockStack>
      </Collapsible>
    </BlockStack>
  );
}
