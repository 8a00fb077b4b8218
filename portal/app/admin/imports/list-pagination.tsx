import { Box, InlineStack, Pagination } from '@shopify/polaris';

/**
 * Previous/next links under a list. A disabled direction gets no URL: Polaris
 * would render it as a link without a target, which screen readers announce
 * wrongly (axe: aria-prohibited-attr).
 */
export function ListPagination(props: { label: string; previousUrl: string | null; nextUrl: string | null }) {
  if (!props.previousUrl && !props.nextUrl) return null;
  return (
    <Box padding="400">
      <InlineStack align="center">
        <Pagination
          hasPrevious={Boolean(props.previousUrl)}
          previousURL={props.previousUrl ?? undefined}
          hasNext={Boolean(props.nextUrl)}
          nextURL={props.nextUrl ?? undefined}
          label={props.label}
        />
      </InlineStack>
    </Box>
  );
}
