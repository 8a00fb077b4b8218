import { Banner, BlockStack, Box, Card, Page, Text } from '@shopify/polaris';
import type { ReactNode } from 'react';

/** The frame of the signed-out pages: one narrow card with a heading and an optional error. */
export function AuthFrame(props: {
  title: string;
  error?: string | null;
  notice?: string | null;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Page narrowWidth>
      <Box paddingBlockStart="1600">
        <BlockStack gap="400">
          <Text as="p" variant="headingLg" alignment="center">
            Closer
          </Text>
          <Card>
            <BlockStack gap="400">
              <Text as="h1" variant="headingMd">
                {props.title}
              </Text>
              {props.error ? (
                <Banner tone="critical">
                  <p>{props.error}</p>
                </Banner>
              ) : null}
              {props.notice ? (
                <Banner tone="success">
                  <p>{props.notice}</p>
                </Banner>
              ) : null}
              {props.children}
            </BlockStack>
          </Card>
          {props.footer ? <Box>{props.footer}</Box> : null}
        </BlockStack>
      </Box>
    </Page>
  );
}
