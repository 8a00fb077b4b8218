import { useFetcher } from '@remix-run/react';
import { Banner, BlockStack, Button, Card, FormLayout, Select, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { type ActionResult, failureOf, useFetcherSuccess } from '~/admin/settings-common/action-result';
import { CsrfField, useCan } from '~/lib/csrf';
import type { ContentLoaderData } from './content.server';
import { descriptionLengths } from './content-labels';

type BrandVoice = NonNullable<ContentLoaderData['brandVoice']>;

const emptyVoice: BrandVoice = {
  tone: '',
  wordsToUse: [],
  wordsToAvoid: [],
  examples: [],
  descriptionLength: 'medium',
};
const maxExamples = 3;

/** The first message the settings service gave for a field of the brand voice (`brandVoice.examples.1` → examples). */
function fieldError(fieldErrors: Record<string, string> | undefined, field: string): string | undefined {
  if (!fieldErrors) return undefined;
  const key = Object.keys(fieldErrors).find(
    (candidate) => candidate === `brandVoice.${field}` || candidate.startsWith(`brandVoice.${field}.`),
  );
  return key ? fieldErrors[key] : undefined;
}

/**
 * How the store writes, applied to every content prompt. Managers edit it;
 * everyone else reads it, so they know why drafts sound the way they do.
 */
export function BrandVoiceCard({ voice }: { voice: ContentLoaderData['brandVoice'] }) {
  const saved = voice ?? emptyVoice;
  const canEdit = useCan('workspace.settings.write');
  const fetcher = useFetcher<ActionResult<{ brandVoice: BrandVoice }>>({ key: 'content-brand-voice' });
  const [tone, setTone] = useState(saved.tone);
  const [wordsToUse, setWordsToUse] = useState(saved.wordsToUse.join(', '));
  const [wordsToAvoid, setWordsToAvoid] = useState(saved.wordsToAvoid.join(', '));
  const [examples, setExamples] = useState(() =>
    Array.from({ length: maxExamples }, (_, index) => saved.examples[index] ?? ''),
  );
  const [length, setLength] = useState<string>(saved.descriptionLength);
  const [notice, setNotice] = useState<string | null>(null);
  const failure = failureOf(fetcher.data);
  useFetcherSuccess(fetcher, () => setNotice('Brand voice saved. New drafts use it.'));

  if (!canEdit) {
    return (
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            Brand voice
          </Text>
          <ReadOnlyVoice voice={saved} />
          <Text as="p" tone="subdued">
            Owners and admins can change the brand voice.
          </Text>
        </BlockStack>
      </Card>
    );
  }

  return (
    <Card>
      <fetcher.Form method="post" onChange={() => setNotice(null)}>
        <CsrfField />
        <input type="hidden" name="intent" value="brand-voice" />
        <BlockStack gap="400">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Brand voice
            </Text>
            <Text as="p" tone="subdued">
              Every description, SEO text, ad and translation is written this way.
            </Text>
          </BlockStack>
          {failure ? (
            <Banner tone="critical">
              <p>{failure.message}</p>
            </Banner>
          ) : null}
          <FormLayout>
            <TextField
              label="Tone"
              name="tone"
              value={tone}
              onChange={setTone}
              multiline={2}
              maxLength={300}
              showCharacterCount
              autoComplete="off"
              placeholder="Warm, practical and a little playful; never pushy"
              error={fieldError(failure?.fieldErrors, 'tone')}
            />
            <TextField
              label="Words to use"
              name="wordsToUse"
              value={wordsToUse}
              onChange={setWordsToUse}
              autoComplete="off"
              helpText="Separate with commas. Up to 30."
              error={fieldError(failure?.fieldErrors, 'wordsToUse')}
            />
            <TextField
              label="Words to avoid"
              name="wordsToAvoid"
              value={wordsToAvoid}
              onChange={setWordsToAvoid}
              autoComplete="off"
              helpText="Separate with commas. The AI is told never to use them."
              error={fieldError(failure?.fieldErrors, 'wordsToAvoid')}
            />
            {examples.map((example, index) => (
              <TextField
                // biome-ignore lint/suspicious/noArrayIndexKey: three fixed slots, never reordered
                key={index}
                label={`Example of your writing ${index + 1} (optional)`}
                name="example"
                value={example}
                onChange={(value) =>
                  setExamples((current) => current.map((entry, at) => (at === index ? value : entry)))
                }
                multiline={3}
                maxLength={1000}
                autoComplete="off"
                helpText={
                  index === 0 ? 'A passage from your store the AI should match in style, not in facts.' : undefined
                }
                error={index === 0 ? fieldError(failure?.fieldErrors, 'examples') : undefined}
              />
            ))}
            <Select
              label="Description length"
              name="descriptionLength"
              options={descriptionLengths}
              value={length}
              onChange={setLength}
            />
          </FormLayout>
          <BlockStack gap="200" inlineAlign="start">
            <Button submit loading={fetcher.state !== 'idle'}>
              Save brand voice
            </Button>
            <div role="status">
              {notice ? (
                <Text as="span" tone="success">
                  {notice}
                </Text>
              ) : null}
            </div>
          </BlockStack>
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}

function ReadOnlyVoice({ voice }: { voice: BrandVoice }) {
  const rows: [string, string][] = [
    ['Tone', voice.tone || 'Not set'],
    ['Words to use', voice.wordsToUse.join(', ') || 'None'],
    ['Words to avoid', voice.wordsToAvoid.join(', ') || 'None'],
    ['Description length', descriptionLengths.find((entry) => entry.value === voice.descriptionLength)?.label ?? ''],
    ['Examples', voice.examples.length > 0 ? `${voice.examples.length} of ${maxExamples}` : 'None'],
  ];
  return (
    <BlockStack gap="200">
      {rows.map(([label, value]) => (
        <BlockStack gap="050" key={label}>
          <Text as="p" variant="bodySm" tone="subdued">
            {label}
          </Text>
          <Text as="p">{value}</Text>
        </BlockStack>
      ))}
    </BlockStack>
  );
}
