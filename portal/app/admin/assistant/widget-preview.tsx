import { BlockStack, Button, ButtonGroup, Card, InlineStack, Text } from '@shopify/polaris';
import { useEffect, useRef, useState } from 'react';
import type { WidgetConfig } from '../../../../server/src/modules/conversations/widget-protocol';

/**
 * The real widget in a frame (`/widget/preview`, same origin), showing the
 * settings as they are being edited. Messages go only to that frame's own
 * origin, and only its `ready` is listened for.
 */
export function WidgetPreview({ config }: { config: WidgetConfig }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [open, setOpen] = useState(true);
  const latest = useRef({ config, open });
  latest.current = { config, open };

  useEffect(() => {
    const post = () =>
      frame.current?.contentWindow?.postMessage(
        { type: 'closer:preview', config: latest.current.config, open: latest.current.open },
        window.location.origin,
      );
    const onMessage = (event: MessageEvent) => {
      if (event.origin === window.location.origin && event.source === frame.current?.contentWindow) {
        if ((event.data as { type?: unknown } | null)?.type === 'closer:preview-ready') post();
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  // A burst of keystrokes becomes one redraw.
  useEffect(() => {
    const timer = setTimeout(
      () => frame.current?.contentWindow?.postMessage({ type: 'closer:preview', config, open }, window.location.origin),
      150,
    );
    return () => clearTimeout(timer);
  }, [config, open]);

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Live preview
          </Text>
          <ButtonGroup variant="segmented">
            <Button pressed={open} onClick={() => setOpen(true)}>
              Chat
            </Button>
            <Button pressed={!open} onClick={() => setOpen(false)}>
              Launcher
            </Button>
          </ButtonGroup>
        </InlineStack>
        <iframe
          ref={frame}
          src="/widget/preview"
          title="Live preview of the chat widget"
          style={{
            width: '100%',
            height: 'min(600px, calc(100vh - 220px))',
            minHeight: 420,
            border: '1px solid #e1e3e5',
            borderRadius: 8,
            background: '#f6f6f7',
          }}
        />
        <Text as="p" tone="subdued" variant="bodySm">
          Unsaved changes show here at once. Nothing typed into the preview is sent.
        </Text>
      </BlockStack>
    </Card>
  );
}
