import { BlockStack, Box, Text } from '@shopify/polaris';

/** What a list shows with no rows: why it is empty and what to do about it. */
export function ListEmptyState({ title, hint }: { title: string; hint: string }) {
  return (
    <Box padding="600">
      <BlockStack gap="200" inlineAlign="center">
        <Text as="p" variant="headingMd">
          {title}
        </Text>
        <Text as="p" tone="subdued">
          {hint}
        </Text>
      </BlockStack>
    </Box>
  );
}
