import { useFetcher } from '@remix-run/react';
import { Autocomplete, Banner, BlockStack, Button, Card, FormLayout, Select, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { type ActionResult, failureOf, useFetcherSuccess } from '~/admin/settings-common/action-result';
import { useAppLayout, useCan } from '~/lib/csrf';
import type { ContentLoaderData } from './content.server';
import { languageName } from './content-labels';
import { useProductSearch } from './product-picker';

/**
 * Pasted reviews (or feedback from anywhere) turned into themes, sentiment
 * and fixes, optionally about one product. The analysis arrives as a draft
 * like any other, so it can be read, approved and exported.
 */
export function ReviewAnalysisCard(props: { data: ContentLoaderData; onStarted(run: { id: string }): void }) {
  const { data } = props;
  const { csrfToken } = useAppLayout();
  const canAnalyze = useCan('content.approve');
  const fetcher = useFetcher<ActionResult<{ run: { id: string } }>>({ key: 'content-analyze' });
  const [reviews, setReviews] = useState('');
  const [query, setQuery] = useState('');
  const [product, setProduct] = useState<{ id: string; title: string } | null>(null);
  const [language, setLanguage] = useState(data.locale);
  const found = useProductSearch(query, data.picker);
  const failure = failureOf(fetcher.data);
  useFetcherSuccess(fetcher, (answer) => {
    setReviews('');
    props.onStarted(answer.run);
  });
  if (!canAnalyze) return null;

  const submit = () => {
    const form = new FormData();
    form.set('_csrf', csrfToken);
    form.set('intent', 'analyze');
    form.set('reviews', reviews);
    if (product) form.set('productId', product.id);
    form.set('language', language);
    fetcher.submit(form, { method: 'post' });
  };

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Review analysis
          </Text>
          <Text as="p" tone="subdued">
            Paste customer reviews or feedback: you get the recurring themes, their sentiment and fixes to consider.
          </Text>
        </BlockStack>
        {failure ? (
          <Banner tone="critical">
            <p>{failure.message}</p>
          </Banner>
        ) : null}
        <FormLayout>
          <TextField
            label="Reviews"
            value={reviews}
            onChange={setReviews}
            multiline={6}
            autoComplete="off"
            helpText="One review per line or paragraph; at least 20 characters."
            error={failure?.fieldErrors?.reviews}
          />
          <Autocomplete
            options={found.products.map((entry) => ({ value: entry.id, label: entry.title }))}
            selected={product ? [product.id] : []}
            onSelect={(selected) => {
              const chosen = found.products.find((entry) => entry.id === selected[0]);
              setProduct(chosen ? { id: chosen.id, title: chosen.title } : null);
              setQuery(chosen?.title ?? '');
            }}
            textField={
              <Autocomplete.TextField
                label="About a product (optional)"
                value={query}
                onChange={(value) => {
                  setQuery(value);
                  if (product && value !== product.title) setProduct(null);
                }}
                autoComplete="off"
                placeholder="Search products"
                clearButton
                onClearButtonClick={() => {
                  setQuery('');
                  setProduct(null);
                }}
              />
            }
          />
          <Select
            label="Write the analysis in"
            options={[...new Set([data.locale, ...data.languages])].map((code) => ({
              label: languageName(code),
              value: code,
            }))}
            value={language}
            onChange={setLanguage}
          />
        </FormLayout>
        <BlockStack inlineAlign="start">
          <Button onClick={submit} loading={fetcher.state !== 'idle'} disabled={reviews.trim().length === 0}>
            Analyse reviews
          </Button>
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
