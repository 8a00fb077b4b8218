import { BlockStack, Card, Checkbox, FormLayout, InlineError, InlineGrid, Text, TextField } from '@shopify/polaris';
import type { SectionProps } from './settings-draft';

/** The widget's languages (the same set the widget's interface is translated into). */
const commonLanguages = [
  { value: 'en', label: 'English' },
  { value: 'de', label: 'German' },
  { value: 'fr', label: 'French' },
  { value: 'es', label: 'Spanish' },
  { value: 'it', label: 'Italian' },
  { value: 'nl', label: 'Dutch' },
  { value: 'pt', label: 'Portuguese' },
  { value: 'sv', label: 'Swedish' },
  { value: 'da', label: 'Danish' },
  { value: 'pl', label: 'Polish' },
  { value: 'ja', label: 'Japanese' },
  { value: 'zh', label: 'Chinese' },
];

/** The first thing shoppers read, the buttons they can tap, and the languages answers come in. */
export function GreetingSection({ draft, update, errors, readOnly }: SectionProps) {
  const assistant = draft.assistant;
  const known = new Set(commonLanguages.map((language) => language.value));
  const languageChoices = [
    ...commonLanguages,
    ...assistant.languages.filter((tag) => !known.has(tag)).map((tag) => ({ value: tag, label: tag })),
  ];
  const quickRepliesError = Object.entries(errors ?? {}).find(([field]) =>
    field.startsWith('assistant.quickReplies'),
  )?.[1];
  const languagesError = Object.entries(errors ?? {}).find(([field]) => field.startsWith('assistant.languages'))?.[1];
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Greeting and languages
        </Text>
        <FormLayout>
          <TextField
            label="Greeting"
            value={assistant.greeting}
            onChange={(greeting) =>
              update((current) => ({ ...current, assistant: { ...current.assistant, greeting } }))
            }
            multiline={3}
            maxLength={300}
            showCharacterCount
            autoComplete="off"
            disabled={readOnly}
            helpText="Shown when a shopper opens the chat. Leave empty to show no greeting."
            error={errors?.['assistant.greeting']}
          />
          <TextField
            label="Quick replies"
            value={assistant.quickReplies.join('\n')}
            onChange={(text) =>
              update((current) => ({
                ...current,
                assistant: { ...current.assistant, quickReplies: text.split('\n').slice(0, 6) },
              }))
            }
            multiline={3}
            autoComplete="off"
            disabled={readOnly}
            helpText="One per line, up to 6, each up to 60 characters: buttons a shopper can tap instead of typing."
            error={quickRepliesError}
          />
          <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
            <legend>
              <Text as="span" variant="bodyMd">
                Answer in
              </Text>
            </legend>
            <InlineGrid columns={{ xs: 2, sm: 3, md: 4 }} gap="100">
              {languageChoices.map((language) => (
                <Checkbox
                  key={language.value}
                  label={language.label}
                  checked={assistant.languages.includes(language.value)}
                  disabled={readOnly}
                  onChange={(checked) =>
                    update((current) => {
                      const others = current.assistant.languages.filter((tag) => tag !== language.value);
                      const languages = checked ? [...others, language.value] : others;
                      return { ...current, assistant: { ...current.assistant, languages } };
                    })
                  }
                />
              ))}
            </InlineGrid>
            {languagesError ? <InlineError message={languagesError} fieldID="assistant-languages" /> : null}
          </fieldset>
          <Text as="p" tone="subdued">
            Tick none to answer in whatever language the shopper writes. Otherwise the assistant answers in the
            shopper’s language when it is ticked, and in the first ticked one when it is not.
          </Text>
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
