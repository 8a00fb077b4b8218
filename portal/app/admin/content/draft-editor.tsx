import { BlockStack, Box, Button, InlineStack, Text, TextField } from '@shopify/polaris';
import type { ReactNode } from 'react';
import {
  asObject,
  asStrings,
  asText,
  editorSpec,
  type FieldSpec,
  type Limits,
  limitProblem,
  pick,
  put,
  variantSpecs,
} from './content-limits';
import { contentFields } from './content-text';

/**
 * Inline editors for each kind of content (see content-limits.ts for the
 * fields and their limits). Every limited text shows its character count as
 * the merchant types and says by how much it is over.
 */
export function ContentEditor(props: {
  kind: string;
  content: unknown;
  limits: Limits;
  onChange(content: unknown): void;
}) {
  const { kind, content, limits, onChange } = props;
  // A translation holds its source kind's content: edit that, keep the wrapper.
  if (kind === 'translation') {
    const wrapper = asObject(content);
    return (
      <ContentEditor
        kind={asText(wrapper.sourceKind)}
        content={wrapper.content}
        limits={limits}
        onChange={(inner) => onChange({ ...wrapper, content: inner })}
      />
    );
  }
  const variants = variantSpecs[kind];
  if (variants) return <VariantsEditor kind={kind} content={content} limits={limits} onChange={onChange} />;
  return (
    <BlockStack gap="400">
      {editorSpec(kind, limits).map((field) =>
        field.list ? (
          <TextList
            key={field.path.join('.')}
            field={field}
            values={asStrings(pick(content, field.path))}
            onChange={(values) => onChange(put(content, field.path, values))}
          />
        ) : (
          <LimitedField
            key={field.path.join('.')}
            label={field.label}
            value={asText(pick(content, field.path))}
            limit={field.limit}
            multiline={field.multiline}
            onChange={(value) => onChange(put(content, field.path, value))}
          />
        ),
      )}
    </BlockStack>
  );
}

export function LimitedField(props: {
  label: string;
  value: string;
  limit: number;
  multiline?: number;
  onChange(value: string): void;
  connectedRight?: ReactNode;
}) {
  const length = props.value.trim().length;
  return (
    <TextField
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      multiline={props.multiline}
      autoComplete="off"
      helpText={`${length}/${props.limit} characters`}
      error={limitProblem(props.value, props.limit)}
      connectedRight={props.connectedRight}
    />
  );
}

function TextList(props: { field: FieldSpec; values: string[]; onChange(values: string[]): void }) {
  const { field, values, onChange } = props;
  const bounds = field.list ?? { min: 0, max: 0, noun: '' };
  return (
    <BlockStack gap="200">
      {values.map((value, index) => (
        <LimitedField
          // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their position
          key={index}
          label={`${field.label} ${index + 1}`}
          value={value}
          limit={field.limit}
          onChange={(next) => onChange(values.map((entry, at) => (at === index ? next : entry)))}
          connectedRight={
            values.length > bounds.min ? (
              <Button
                accessibilityLabel={`Remove ${bounds.noun} ${index + 1}`}
                onClick={() => onChange(values.filter((_, at) => at !== index))}
              >
                Remove
              </Button>
            ) : undefined
          }
        />
      ))}
      {values.length < bounds.max ? (
        <InlineStack>
          <Button variant="plain" onClick={() => onChange([...values, ''])}>
            {`Add ${bounds.noun}`}
          </Button>
        </InlineStack>
      ) : null}
    </BlockStack>
  );
}

function VariantsEditor(props: { kind: string; content: unknown; limits: Limits; onChange(content: unknown): void }) {
  const specs = variantSpecs[props.kind] ?? [];
  const list = Array.isArray(asObject(props.content).variants) ? (asObject(props.content).variants as unknown[]) : [];
  const update = (variants: unknown[]) => props.onChange({ ...asObject(props.content), variants });
  return (
    <BlockStack gap="400">
      {list.map((variant, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: variants have no identity but their position
        <Box key={index} padding="300" borderColor="border" borderWidth="025" borderRadius="200">
          <BlockStack gap="300">
            <InlineStack align="space-between" blockAlign="center">
              <Text as="h3" variant="headingSm">{`Variant ${index + 1}`}</Text>
              {list.length > 1 ? (
                <Button
                  variant="plain"
                  tone="critical"
                  accessibilityLabel={`Remove variant ${index + 1}`}
                  onClick={() => update(list.filter((_, at) => at !== index))}
                >
                  Remove
                </Button>
              ) : null}
            </InlineStack>
            {specs.map((spec) => (
              <LimitedField
                key={spec.key}
                label={`${spec.label} (variant ${index + 1})`}
                value={asText(asObject(variant)[spec.key])}
                limit={props.limits[spec.limit]}
                multiline={spec.multiline}
                onChange={(value) =>
                  update(list.map((entry, at) => (at === index ? { ...asObject(entry), [spec.key]: value } : entry)))
                }
              />
            ))}
          </BlockStack>
        </Box>
      ))}
      {list.length < 5 ? (
        <InlineStack>
          <Button
            variant="plain"
            onClick={() => update([...list, Object.fromEntries(specs.map((spec) => [spec.key, '']))])}
          >
            Add variant
          </Button>
        </InlineStack>
      ) : null}
    </BlockStack>
  );
}

/** The content as text, for people who may not edit it and kinds that are read rather than rewritten. */
export function ContentView({ kind, content }: { kind: string; content: unknown }) {
  const fields = contentFields(kind, content);
  if (fields.length === 0) {
    return (
      <Text as="p" tone="subdued">
        No content yet.
      </Text>
    );
  }
  return (
    <BlockStack gap="300">
      {fields.map((field) => (
        <BlockStack gap="050" key={field.label}>
          <Text as="p" variant="bodySm" tone="subdued">
            {field.label}
          </Text>
          <Text as="p" breakWord>
            <span style={{ whiteSpace: 'pre-wrap' }}>{field.text}</span>
          </Text>
        </BlockStack>
      ))}
    </BlockStack>
  );
}
