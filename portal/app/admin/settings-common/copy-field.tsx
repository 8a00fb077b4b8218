import { BlockStack, Button, InlineStack, TextField, Toast } from '@shopify/polaris';
import { useState } from 'react';

/**
 * Read-only text with a Copy button (a snippet, a link, a key shown once).
 * Copying confirms with a toast; where the clipboard is not available (an
 * insecure origin, a denied permission) the text is selected for Ctrl+C.
 */
export function CopyField(props: { label: string; value: string; helpText?: string; multiline?: number; id?: string }) {
  const [toast, setToast] = useState<{ text: string; error: boolean } | null>(null);
  const id = props.id ?? `copy-${props.label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setToast({ text: 'Copied', error: false });
    } catch {
      const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
      field?.select();
      setToast({ text: 'Copying is blocked here: the text is selected, press Ctrl+C', error: true });
    }
  };
  return (
    <BlockStack gap="200">
      <TextField
        id={id}
        label={props.label}
        value={props.value}
        helpText={props.helpText}
        multiline={props.multiline}
        readOnly
        monospaced
        autoComplete="off"
        selectTextOnFocus
      />
      <InlineStack>
        <Button onClick={copy} accessibilityLabel={`Copy ${props.label.toLowerCase()}`}>
          Copy
        </Button>
      </InlineStack>
      {toast ? <Toast content={toast.text} error={toast.error} onDismiss={() => setToast(null)} /> : null}
    </BlockStack>
  );
}
