import { BlockStack, Card, FormLayout, Select, Text, TextField } from '@shopify/polaris';
import type { SectionProps, Settings } from './settings-draft';

const tones: Array<{ label: string; value: Settings['assistant']['tone'] }> = [
  { label: 'Friendly — warm and helpful', value: 'friendly' },
  { label: 'Professional — polite and precise', value: 'professional' },
  { label: 'Playful — light, with a wink', value: 'playful' },
  { label: 'Concise — short answers, no small talk', value: 'concise' },
];

/** Who the assistant is: its name, face, persona and tone (all go into the system prompt). */
export function PersonaSection({ draft, update, errors, readOnly }: SectionProps) {
  const assistant = draft.assistant;
  const set = (patch: Partial<Settings['assistant']>) =>
    update((current) => ({ ...current, assistant: { ...current.assistant, ...patch } }));
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Persona and tone
        </Text>
        <FormLayout>
          <FormLayout.Group>
            <TextField
              label="Assistant name"
              value={assistant.name}
              onChange={(name) => set({ name })}
              autoComplete="off"
              maxLength={40}
              disabled={readOnly}
              error={errors?.['assistant.name']}
            />
            <Select
              label="Tone"
              options={tones}
              value={assistant.tone}
              onChange={(tone) => set({ tone: tone as Settings['assistant']['tone'] })}
              disabled={readOnly}
              error={errors?.['assistant.tone']}
            />
          </FormLayout.Group>
          <TextField
            label="Persona"
            value={assistant.persona}
            onChange={(persona) => set({ persona })}
            multiline={4}
            maxLength={2000}
            showCharacterCount
            autoComplete="off"
            disabled={readOnly}
            helpText="Who the assistant is and what matters to your store, in your words. It never overrides your catalog or policies."
            error={errors?.['assistant.persona']}
          />
          <TextField
            label="Avatar image URL"
            type="url"
            value={assistant.avatarUrl ?? ''}
            onChange={(url) => set({ avatarUrl: url.trim() ? url : null })}
            autoComplete="off"
            placeholder="https://"
            disabled={readOnly}
            helpText="Optional: a square image shown beside the assistant’s messages."
            error={errors?.['assistant.avatarUrl']}
          />
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
