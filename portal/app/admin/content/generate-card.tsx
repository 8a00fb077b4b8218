import { useFetcher } from '@remix-run/react';
import { Banner, BlockStack, Button, Card, ChoiceList, InlineStack, Select, Text } from '@shopify/polaris';
import { useState } from 'react';
import { type ActionResult, failureOf, useFetcherSuccess } from '~/admin/settings-common/action-result';
import { useAppLayout, useCan } from '~/lib/csrf';
import { formatCount } from '../insights/format';
import type { ContentLoaderData } from './content.server';
import { languageName } from './content-labels';
import { EstimateSummary, type RunEstimateView } from './estimate-summary';
import { type PickedProduct, ProductPicker } from './product-picker';

type Scope = 'products' | 'category' | 'all';

const kindHints: Record<string, string> = {
  description: 'In the brand voice, at the length set below, with up to 6 highlights.',
  seo: 'A page title of up to 60 characters and a meta description of up to 160.',
  ad_meta: 'Three Facebook and Instagram variants: primary text and a headline.',
  ad_google: 'A responsive search ad: headlines of up to 30 characters, descriptions of up to 90.',
  ad_tiktok: 'Three variants, each a hook and on-screen text.',
};

/**
 * Choosing what to write: products (picked, a collection, or all), kinds of
 * content and the language; then the estimate (anyone may ask) and, once
 * that selection is priced, the run (people who may approve content).
 */
export function GenerateCard(props: { data: ContentLoaderData; onStarted(run: { id: string }): void }) {
  const { data } = props;
  const { csrfToken } = useAppLayout();
  const canGenerate = useCan('content.approve');
  const [scope, setScope] = useState<Scope>('products');
  const [products, setProducts] = useState<PickedProduct[]>([]);
  const categories = data.picker.categories;
  const [category, setCategory] = useState(categories[0]?.name ?? '');
  const [kinds, setKinds] = useState<string[]>(['description', 'seo']);
  const languages = [...new Set([data.locale, ...data.languages])];
  const [language, setLanguage] = useState(data.locale);

  const estimator = useFetcher<ActionResult<{ estimate: RunEstimateView }>>({ key: 'content-estimate' });
  const starter = useFetcher<ActionResult<{ run: { id: string } }>>({ key: 'content-start' });
  const [estimated, setEstimated] = useState<{ key: string; estimate: RunEstimateView } | null>(null);
  // An estimate belongs to the selection it priced: change anything and it is gone.
  const selectionKey = JSON.stringify({
    scope,
    products: products.map((product) => product.id),
    category,
    kinds,
    language,
  });
  useFetcherSuccess(estimator, (answer) => setEstimated({ key: selectionKey, estimate: answer.estimate }));
  useFetcherSuccess(starter, (answer) => {
    setEstimated(null);
    props.onStarted(answer.run);
  });

  const estimate = estimated?.key === selectionKey ? estimated.estimate : null;
  const [lastAsked, setLastAsked] = useState<'estimate' | 'start'>('estimate');
  const failure = failureOf(lastAsked === 'start' ? starter.data : estimator.data);
  const missing =
    kinds.length === 0
      ? 'Choose at least one kind of content.'
      : scope === 'products' && products.length === 0
        ? 'Select at least one product.'
        : scope === 'category' && !category
          ? 'Choose a collection.'
          : null;
  // A run is started only with its price in view: the estimate for exactly this selection, within budget.
  const estimateFirst = canGenerate ? 'Estimate the cost, then generate.' : null;
  const unpriced = !estimate ? estimateFirst : estimate.fitsBudget ? null : 'This run would go over the AI budget.';
  const hint = missing ?? unpriced;

  const post = (fetcher: typeof estimator | typeof starter, intent: 'estimate' | 'start') => {
    setLastAsked(intent);
    const form = new FormData();
    form.set('_csrf', csrfToken);
    form.set('intent', intent);
    form.set('scope', scope);
    if (scope === 'products') for (const product of products) form.append('productId', product.id);
    if (scope === 'category') form.set('category', category);
    for (const kind of kinds) form.append('kind', kind);
    form.set('language', language);
    fetcher.submit(form, { method: 'post' });
  };

  return (
    <Card>
      <BlockStack gap="500">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Generate content
          </Text>
          <Text as="p" tone="subdued">
            Drafts are written in the background at the pace your AI provider allows, then wait here for review. Nothing
            reaches your store until someone approves it.
          </Text>
        </BlockStack>
        <ChoiceList
          title="Products"
          choices={[
            { label: 'Choose products', value: 'products' },
            {
              label: 'A whole collection',
              value: 'category',
              disabled: categories.length === 0,
              helpText: categories.length === 0 ? 'No product has a collection (category) yet.' : undefined,
            },
            { label: `The whole catalog (${formatCount(data.picker.total)} products)`, value: 'all' },
          ]}
          selected={[scope]}
          onChange={(selected) => setScope((selected[0] as Scope) ?? 'products')}
        />
        {scope === 'products' ? (
          <ProductPicker initial={data.picker} selected={products} onChange={setProducts} />
        ) : null}
        {scope === 'category' ? (
          <Select
            label="Collection"
            options={categories.map((entry) => ({
              label: `${entry.name} (${formatCount(entry.productCount)} active)`,
              value: entry.name,
            }))}
            value={category}
            onChange={setCategory}
          />
        ) : null}
        <ChoiceList
          allowMultiple
          title="Content to write"
          choices={data.kinds.map((entry) => ({
            label: entry.label,
            value: entry.kind,
            helpText: kindHints[entry.kind],
          }))}
          selected={kinds}
          onChange={setKinds}
        />
        <Select
          label="Language"
          options={languages.map((code) => ({ label: languageName(code), value: code }))}
          value={language}
          onChange={setLanguage}
          helpText="Your store’s language first; add languages on the Assistant page."
        />
        {failure ? (
          <Banner tone="critical">
            <p>{failure.message}</p>
          </Banner>
        ) : null}
        {estimate ? <EstimateSummary estimate={estimate} kindLabels={data.kindLabels} /> : null}
        <InlineStack gap="300" align="end" blockAlign="center">
          {hint ? (
            <Text as="span" tone="subdued">
              {hint}
            </Text>
          ) : null}
          <Button
            disabled={Boolean(missing)}
            loading={estimator.state !== 'idle'}
            onClick={() => post(estimator, 'estimate')}
          >
            Estimate cost
          </Button>
          {canGenerate ? (
            <Button
              variant="primary"
              disabled={Boolean(hint)}
              loading={starter.state !== 'idle'}
              onClick={() => post(starter, 'start')}
            >
              Generate drafts
            </Button>
          ) : null}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
