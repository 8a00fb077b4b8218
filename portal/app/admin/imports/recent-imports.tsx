import { Badge, BlockStack, Card, InlineStack, Link, Text } from '@shopify/polaris';
import { formatDateTime } from '~/admin/settings-common/time-ago';
import type { ImportRunSummary } from '../../../../server/src/modules/imports';
import { numberFormat, statusBadges } from './import-labels';

/** The latest imports of one kind, each linking to its run page. */
export function RecentImports({ runs }: { runs: ImportRunSummary[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Recent imports
        </Text>
        {runs.length === 0 ? (
          <Text as="p" tone="subdued">
            Nothing imported yet.
          </Text>
        ) : (
          <BlockStack gap="300" as="ul">
            {runs.map((run) => {
              const badge = statusBadges[run.status];
              return (
                <li key={run.id} style={{ listStyle: 'none' }}>
                  <BlockStack gap="100">
                    <InlineStack gap="200" align="space-between" blockAlign="center" wrap={false}>
                      <Link url={`/imports/${run.id}`} removeUnderline>
                        <Text as="span" fontWeight="semibold" breakWord>
                          {run.fileName}
                        </Text>
                      </Link>
                      <Badge tone={badge.tone}>{badge.label}</Badge>
                    </InlineStack>
                    <Text as="p" variant="bodySm" tone="subdued">
                      {formatDateTime(run.createdAt)} · {numberFormat.format(run.importedRows)} imported
                      {run.failedRows > 0 ? `, ${numberFormat.format(run.failedRows)} failed` : ''}
                    </Text>
                  </BlockStack>
                </li>
              );
            })}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}
