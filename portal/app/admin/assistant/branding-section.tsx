import { BlockStack, Box, Card, ChoiceList, FormLayout, InlineStack, Text, TextField } from '@shopify/polaris';
import type { SectionProps, Settings } from './settings-draft';

const hexColour = /^#[0-9a-fA-F]{6}$/;

/** How the launcher looks on the store: colour, corner and an optional label beside its icon. */
export function BrandingSection({ draft, update, errors, readOnly }: SectionProps) {
  const branding = draft.branding;
  const set = (patch: Partial<Settings['branding']>) =>
    update((current) => ({ ...current, branding: { ...current.branding, ...patch } }));
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Branding
        </Text>
        <FormLayout>
          <InlineStack gap="300" blockAlign="end" wrap={false}>
            <Box minWidth="60%">
              <TextField
                label="Brand colour"
                value={branding.primaryColor}
                onChange={(primaryColor) => set({ primaryColor })}
                autoComplete="off"
                monospaced
                maxLength={7}
                disabled={readOnly}
                helpText="A hex colour such as #1f4e79. Text on it turns black or white, whichever reads better."
                error={errors?.['branding.primaryColor']}
              />
            </Box>
            <label style={{ display: 'grid', gap: 4 }}>
              <Text as="span" variant="bodySm">
                Pick
              </Text>
              <input
                type="color"
                aria-label="Pick the brand colour"
                value={hexColour.test(branding.primaryColor) ? branding.primaryColor.toLowerCase() : '#1f4e79'}
                onChange={(event) => set({ primaryColor: event.currentTarget.value })}
                disabled={readOnly}
                style={{ width: 48, height: 36, padding: 0, border: 0, background: 'none' }}
              />
            </label>
          </InlineStack>
          <ChoiceList
            title="Position"
            choices={[
              { label: 'Bottom right', value: 'bottom-right', disabled: readOnly },
              { label: 'Bottom left', value: 'bottom-left', disabled: readOnly },
            ]}
            selected={[branding.position]}
            onChange={([position]) => set({ position: position as Settings['branding']['position'] })}
          />
          <TextField
            label="Launcher label"
            value={branding.launcherLabel}
            onChange={(launcherLabel) => set({ launcherLabel })}
            autoComplete="off"
            maxLength={30}
            placeholder="Ask us anything"
            disabled={readOnly}
            helpText="Optional text beside the chat icon. Leave empty for the round icon alone."
            error={errors?.['branding.launcherLabel']}
          />
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
