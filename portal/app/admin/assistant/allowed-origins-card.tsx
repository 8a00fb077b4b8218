import { useFetcher } from '@remix-run/react';
import { Banner, BlockStack, Button, Card, InlineStack, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { type ActionResult, failureOf, useFetcherSuccess } from '~/admin/settings-common/action-result';
import { CsrfField } from '~/lib/csrf';

/**
 * The sites the widget key works on, saved on their own: a mistake here stops
 * the widget on a live store, so it is never saved along with a greeting.
 */
export function AllowedOriginsCard(props: { origins: string[]; readOnly: boolean; hasWidgetKey: boolean }) {
  const fetcher = useFetcher<ActionResult<{ intent: 'saveOrigins'; allowedOrigins: string[] }>>({
    key: 'assistant-origins',
  });
  const [text, setText] = useState(props.origins.join('\n'));
  const failure = failureOf(fetcher.data);
  const [saved, setSaved] = useState(false);
  useFetcherSuccess(fetcher, (data) => {
    setText(data.allowedOrigins.join('\n'));
    setSaved(true);
  });
  const lineErrors = failure?.fieldErrors ? Object.values(failure.fieldErrors).join(' · ') : failure?.message;
  return (
    <div id="allowed-origins">
      <Card>
        <fetcher.Form method="post" onChange={() => setSaved(false)}>
          <CsrfField />
          <input type="hidden" name="intent" value="saveOrigins" />
          <BlockStack gap="400">
            <Text as="h2" variant="headingMd">
              Allowed origins
            </Text>
            <TextField
              label="Sites the widget may run on"
              name="origins"
              value={text}
              onChange={(value) => {
                setText(value);
                setSaved(false);
              }}
              multiline={3}
              monospaced
              autoComplete="off"
              placeholder={'https://shop.example\nhttps://www.shop.example'}
              disabled={props.readOnly || !props.hasWidgetKey}
              helpText="One origin per line: https:// and the host, with a port if it has one, and no path. Leave empty to allow any site."
              error={lineErrors}
            />
            {saved ? (
              <Banner tone="success">
                <p>
                  {text.trim()
                    ? 'Saved. The widget now loads only on these sites.'
                    : 'Saved. The widget loads on any site.'}
                </p>
              </Banner>
            ) : null}
            {props.readOnly ? null : (
              <InlineStack align="end">
                <Button submit loading={fetcher.state !== 'idle'} disabled={!props.hasWidgetKey}>
                  Save allowed origins
                </Button>
              </InlineStack>
            )}
          </BlockStack>
        </fetcher.Form>
      </Card>
    </div>
  );
}
