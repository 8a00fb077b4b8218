import { useHref } from '@remix-run/react';
import { BlockStack, Box, Button, Checkbox, InlineStack, Scrollable, Tag, Text, TextField } from '@shopify/polaris';
import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../insights/format';
import type { ProductPickerData } from './products.server';

/**
 * Products to generate for: a search over the catalog (fifty matches at a
 * time, searched as the merchant types) with a checkbox each. The selection
 * survives new searches, so a merchant can gather products from several.
 */
export interface PickedProduct {
  id: string;
  title: string;
}

const searchDelayMs = 250;
const tagsShown = 12;

export function ProductPicker(props: {
  initial: ProductPickerData;
  selected: PickedProduct[];
  onChange(selected: PickedProduct[]): void;
}) {
  const { selected, onChange } = props;
  const [query, setQuery] = useState('');
  const products = useProductSearch(query, props.initial);
  const chosen = new Set(selected.map((product) => product.id));
  const toggle = (product: PickedProduct, checked: boolean) =>
    onChange(
      checked
        ? [...selected.filter((entry) => entry.id !== product.id), product]
        : selected.filter((entry) => entry.id !== product.id),
    );
  const unshown = products.products.filter((product) => !chosen.has(product.id));

  return (
    <BlockStack gap="300">
      <TextField
        label="Search products"
        value={query}
        onChange={setQuery}
        autoComplete="off"
        placeholder="Title, handle or SKU"
        clearButton
        onClearButtonClick={() => setQuery('')}
      />
      <Box borderColor="border" borderWidth="025" borderRadius="200">
        <Scrollable style={{ maxHeight: '16rem' }}>
          <Box padding="300">
            {products.products.length === 0 ? (
              <Text as="p" tone="subdued">
                No products match “{query}”.
              </Text>
            ) : (
              <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                <legend>
                  <Text as="span" visuallyHidden>
                    Products to generate for
                  </Text>
                </legend>
                <BlockStack gap="100">
                  {products.products.map((product) => (
                    <Checkbox
                      key={product.id}
                      label={product.title}
                      helpText={product.category ?? undefined}
                      checked={chosen.has(product.id)}
                      onChange={(checked) => toggle({ id: product.id, title: product.title }, checked)}
                    />
                  ))}
                </BlockStack>
              </fieldset>
            )}
          </Box>
        </Scrollable>
      </Box>
      <InlineStack gap="200" blockAlign="center" align="space-between">
        <Text as="p" tone="subdued">
          {products.hasMore ? 'Showing the first 50 matches. Search to narrow them down.' : ''}
        </Text>
        <InlineStack gap="200">
          <Button
            disabled={unshown.length === 0}
            onClick={() =>
              onChange([...selected, ...unshown.map((product) => ({ id: product.id, title: product.title }))])
            }
          >
            {`Select all shown (${formatCount(products.products.length)})`}
          </Button>
          <Button variant="plain" disabled={selected.length === 0} onClick={() => onChange([])}>
            Clear selection
          </Button>
        </InlineStack>
      </InlineStack>
      <div role="status">
        <Text as="p" fontWeight="semibold">
          {selected.length === 0
            ? 'No products selected'
            : `${formatCount(selected.length)} ${selected.length === 1 ? 'product' : 'products'} selected`}
        </Text>
      </div>
      {selected.length > 0 ? (
        <InlineStack gap="100">
          {selected.slice(0, tagsShown).map((product) => (
            <Tag key={product.id} onRemove={() => toggle(product, false)}>
              {product.title}
            </Tag>
          ))}
          {selected.length > tagsShown ? (
            <Text as="span" tone="subdued">{`and ${formatCount(selected.length - tagsShown)} more`}</Text>
          ) : null}
        </InlineStack>
      ) : null}
    </BlockStack>
  );
}

/**
 * The loader's first fifty products until the merchant types; then the search's answer, a moment
 * after they stop. A plain `fetch` of the JSON route rather than a fetcher: a fetcher is
 * revalidated after every action on the page, and one revalidated before lazy route discovery
 * had found `/content/products` threw the whole page into "Not found".
 */
export function useProductSearch(query: string, initial: ProductPickerData): ProductPickerData {
  const href = useHref('/content/products');
  const [found, setFound] = useState<ProductPickerData>();
  const searched = useRef(false);
  useEffect(() => {
    if (!query.trim() && !searched.current) return;
    searched.current = true;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`${href}?q=${encodeURIComponent(query.trim())}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      })
        .then((response) => (response.ok ? (response.json() as Promise<ProductPickerData>) : undefined))
        .then((data) => {
          if (data) setFound(data);
        })
        // A search overtaken by the next keystroke, or a dropped connection: the list stays as it was.
        .catch(() => undefined);
    }, searchDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, href]);
  return found ?? initial;
}
