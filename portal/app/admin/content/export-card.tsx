import { useHref } from '@remix-run/react';
import { BlockStack, Button, Card, Checkbox, Select, Text } from '@shopify/polaris';
import { useState } from 'react';

const formats = [
  { value: 'generic', label: 'Spreadsheet: every kind, one row per draft' },
  { value: 'shopify', label: 'Shopify product import: description and SEO' },
];
const statuses = [
  { value: 'approved', label: 'Approved' },
  { value: 'published', label: 'Published' },
];

/**
 * Approved content as a CSV download. A plain GET form rather than a Remix
 * one: the answer is a file, which the browser saves while the page stays.
 * `useHref` adds the app's basename (`/app` inside Shopify's admin).
 */
export function ExportCard(props: { runId: string }) {
  const [format, setFormat] = useState('generic');
  const [status, setStatus] = useState('approved');
  const [onlyRun, setOnlyRun] = useState(true);
  const action = useHref('/content/export');
  return (
    <Card>
      <form method="get" action={action}>
        <BlockStack gap="400">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Export
            </Text>
            <Text as="p" tone="subdued">
              Download approved content as CSV for another platform, a spreadsheet or Shopify’s product import.
            </Text>
          </BlockStack>
          <Select label="Format" name="format" options={formats} value={format} onChange={setFormat} />
          <Select label="Drafts" name="status" options={statuses} value={status} onChange={setStatus} />
          {props.runId ? (
            <>
              <Checkbox label="Only the run chosen in the drafts filter" checked={onlyRun} onChange={setOnlyRun} />
              {onlyRun ? <input type="hidden" name="run" value={props.runId} /> : null}
            </>
          ) : null}
          <BlockStack inlineAlign="start">
            <Button submit>Export CSV</Button>
          </BlockStack>
        </BlockStack>
      </form>
    </Card>
  );
}
