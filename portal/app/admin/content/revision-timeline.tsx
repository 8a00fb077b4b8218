import { BlockStack, Box, InlineStack, Text } from '@shopify/polaris';
import { formatDateTime } from '~/admin/settings-common/time-ago';
import { revisionActionLabel, statusWord } from './content-labels';
import { type DiffPart, diffContent } from './content-text';
import type { DraftLoaderData } from './draft.server';

type Revision = DraftLoaderData['draft']['revisions'][number];

const removedStyle = {
  background: 'var(--p-color-bg-surface-critical)',
  color: 'var(--p-color-text-critical)',
  textDecoration: 'line-through',
};
const addedStyle = {
  background: 'var(--p-color-bg-surface-success)',
  color: 'var(--p-color-text-success)',
  textDecoration: 'none',
};

function actorOf(revision: Revision): string {
  if (revision.actorName) return revision.actorName;
  if (revision.actorType === 'api_key') return 'An API key';
  return 'Content studio';
}

/**
 * Everything that happened to a draft, newest first: who, when, what, which
 * model and prompt version, and for edits a word diff of the fields that
 * changed. The diff is built from text nodes (<del>, <ins>), never markup the
 * content itself could inject.
 */
export function RevisionTimeline(props: { kind: string; revisions: Revision[] }) {
  const newestFirst = [...props.revisions].reverse();
  if (newestFirst.length === 0) {
    return (
      <Text as="p" tone="subdued">
        Nothing has happened to this draft yet.
      </Text>
    );
  }
  return (
    <ol aria-label="Revision history" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {newestFirst.map((revision, index) => (
        <li key={revision.id}>
          <Box
            paddingBlock="300"
            borderBlockStartWidth={index === 0 ? undefined : '025'}
            borderColor="border-secondary"
          >
            <RevisionEntry kind={props.kind} revision={revision} />
          </Box>
        </li>
      ))}
    </ol>
  );
}

function RevisionEntry({ kind, revision }: { kind: string; revision: Revision }) {
  const details = [
    revision.fromStatus || revision.toStatus
      ? `${statusWord(revision.fromStatus) || 'new'} → ${statusWord(revision.toStatus)}`
      : null,
    revision.model ? `model ${revision.provider ? `${revision.provider} · ` : ''}${revision.model}` : null,
    revision.promptVersion ? `prompt ${revision.promptVersion}` : null,
  ].filter(Boolean);
  const changes =
    revision.before && revision.after
      ? diffContent(kind, revision.before, revision.after).filter((field) => field.changed)
      : [];
  return (
    <BlockStack gap="150">
      <InlineStack gap="200" align="space-between" blockAlign="baseline">
        <Text as="h3" variant="headingSm">
          {`${revisionActionLabel(revision.action)} by ${actorOf(revision)}`}
        </Text>
        <Text as="span" variant="bodySm" tone="subdued">
          {formatDateTime(revision.createdAt)}
        </Text>
      </InlineStack>
      {details.length > 0 ? (
        <Text as="p" variant="bodySm" tone="subdued">
          {details.join(' · ')}
        </Text>
      ) : null}
      {revision.note ? <Text as="p">{`“${revision.note}”`}</Text> : null}
      {changes.map((field) => (
        <BlockStack gap="050" key={field.label}>
          <Text as="p" variant="bodySm" fontWeight="semibold">
            {field.label}
          </Text>
          <DiffText parts={field.parts} />
        </BlockStack>
      ))}
      {revision.before && revision.after && changes.length === 0 ? (
        <Text as="p" variant="bodySm" tone="subdued">
          Saved without changing the text.
        </Text>
      ) : null}
    </BlockStack>
  );
}

function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <p style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part) => {
        if (part.kind === 'removed') {
          return (
            <del key={part.at} style={removedStyle}>
              <Text as="span" visuallyHidden>
                [removed:
              </Text>
              {part.text}
              <Text as="span" visuallyHidden>
                ]
              </Text>
            </del>
          );
        }
        if (part.kind === 'added') {
          return (
            <ins key={part.at} style={addedStyle}>
              <Text as="span" visuallyHidden>
                [added:
              </Text>
              {part.text}
              <Text as="span" visuallyHidden>
                ]
              </Text>
            </ins>
          );
        }
        return <span key={part.at}>{part.text}</span>;
      })}
    </p>
  );
}
