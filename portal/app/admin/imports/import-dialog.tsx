import { useFetcher } from '@remix-run/react';
import { Banner, BlockStack, Box, DropZone, Modal, Select, Text } from '@shopify/polaris';
import { type ReactNode, useState } from 'react';
import { failureOf } from '~/admin/settings-common/action-result';
import { useAppLayout } from '~/lib/csrf';
import type { ImportKind } from '../../../../server/src/modules/imports';
import { formatOptions } from './import-labels';

/**
 * A file picker (drop or browse), the format (detected unless the person
 * picks one) and the Import button. The page's action stores the file and
 * redirects to the run's page, where its progress shows; a file that cannot
 * be imported is refused here, with the reason.
 */
export function ImportDialog(props: {
  kind: ImportKind;
  title: string;
  open: boolean;
  onClose(): void;
  children?: ReactNode;
}) {
  const { csrfToken } = useAppLayout();
  const fetcher = useFetcher();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('auto');
  const failure = failureOf(fetcher.data);

  const startImport = () => {
    if (!file) return;
    const form = new FormData();
    form.append('_csrf', csrfToken);
    form.append('intent', 'import');
    form.append('format', format);
    form.append('file', file);
    fetcher.submit(form, { method: 'post', encType: 'multipart/form-data' });
  };

  return (
    <Modal
      open={props.open}
      onClose={props.onClose}
      title={props.title}
      primaryAction={{
        content: 'Import',
        onAction: startImport,
        disabled: !file,
        loading: fetcher.state !== 'idle',
      }}
      secondaryActions={[{ content: 'Close', onAction: props.onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="400">
          <DropZone
            label="File to import"
            allowMultiple={false}
            error={Boolean(failure)}
            onDrop={(_files, accepted) => setFile(accepted[0] ?? null)}
          >
            {file ? (
              <Box padding="600">
                <BlockStack gap="100" inlineAlign="center">
                  <Text as="p" variant="bodyMd" fontWeight="semibold" breakWord>
                    {file.name}
                  </Text>
                  <Text as="p" variant="bodySm" tone="subdued">
                    {formatBytes(file.size)} · drop another file to replace it
                  </Text>
                </BlockStack>
              </Box>
            ) : (
              <DropZone.FileUpload actionHint="CSV, XML or JSON, up to 100 MB" />
            )}
          </DropZone>
          <Select label="Format" options={formatOptions[props.kind]} value={format} onChange={setFormat} />
          {failure ? (
            <Banner tone="critical" title="This file cannot be imported">
              <p>{failure.message}</p>
            </Banner>
          ) : null}
          {props.children}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
