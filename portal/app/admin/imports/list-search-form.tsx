import { Form } from '@remix-run/react';
import { Box, Button, InlineStack, TextField } from '@shopify/polaris';
import { type ReactNode, useState } from 'react';

/**
 * The search bar above the catalog, orders and contacts lists: a GET form (the
 * query lives in the URL) with one text field named `q`, any extra filters, and
 * a submit button.
 */
export function ListSearchForm(props: {
  label: string;
  initialQuery: string;
  placeholder?: string;
  submitLabel: string;
  submitting?: boolean;
  children?: ReactNode;
}) {
  const [query, setQuery] = useState(props.initialQuery);
  return (
    <Box padding="400">
      <Form method="get" role="search">
        <InlineStack gap="300" blockAlign="end" wrap>
          <div style={{ flex: '1 1 16rem' }}>
            <TextField
              label={props.label}
              name="q"
              value={query}
              onChange={setQuery}
              autoComplete="off"
              placeholder={props.placeholder}
              clearButton
              onClearButtonClick={() => setQuery('')}
            />
          </div>
          {props.children}
          <Button submit loading={props.submitting}>
            {props.submitLabel}
          </Button>
        </InlineStack>
      </Form>
    </Box>
  );
}
