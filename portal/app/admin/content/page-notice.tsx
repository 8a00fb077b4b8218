import { Banner, Box } from '@shopify/polaris';

/**
 * What the last action did, at the top of the page until dismissed. The
 * live region is there from the start, so screen readers announce a notice
 * when it appears.
 */
export function PageNotice(props: { message: string | null; onDismiss(): void }) {
  return (
    <div aria-live="polite">
      {props.message ? (
        <Box paddingBlockEnd="400">
          <Banner tone="success" onDismiss={props.onDismiss}>
            <p>{props.message}</p>
          </Banner>
        </Box>
      ) : null}
    </div>
  );
}
