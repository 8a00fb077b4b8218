import type { ContentDraftStatus } from '@prisma/client';
import type { RunStatus } from './run-progress';

/** Words and badge tones the content studio uses for states, actions and languages. */
type Tone = 'info' | 'success' | 'attention' | 'warning' | 'critical' | undefined;

export type DraftStatus = ContentDraftStatus;

export const draftStatusLabels: Record<DraftStatus, { label: string; tone: Tone }> = {
  queued: { label: 'Queued', tone: undefined },
  generated: { label: 'Generated', tone: 'info' },
  in_review: { label: 'In review', tone: 'attention' },
  approved: { label: 'Approved', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'warning' },
  published: { label: 'Published', tone: 'success' },
  failed: { label: 'Failed', tone: 'critical' },
  cancelled: { label: 'Cancelled', tone: undefined },
};

export const draftStatusOrder = Object.keys(draftStatusLabels) as DraftStatus[];

export const runStatusLabels: Record<RunStatus, { label: string; tone: Tone }> = {
  queued: { label: 'Queued', tone: undefined },
  running: { label: 'Running', tone: 'attention' },
  completed: { label: 'Completed', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: undefined },
  failed: { label: 'Failed', tone: 'critical' },
};

const revisionActionLabels: Record<string, string> = {
  generated: 'Generated',
  generation_failed: 'Generation failed',
  edited: 'Edited',
  approved: 'Approved',
  rejected: 'Rejected',
  reopened: 'Reopened for review',
  published: 'Published to Shopify',
  publish_failed: 'Publishing failed',
  exported: 'Exported',
};

export const revisionActionLabel = (action: string) => revisionActionLabels[action] ?? action;

export const statusWord = (status: string | null) =>
  status ? (draftStatusLabels[status as DraftStatus]?.label ?? status).toLowerCase() : '';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "French (fr)"; a code Intl does not know stays as it is. */
export function languageName(code: string): string {
  try {
    const name = languageNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export const descriptionLengths = [
  { value: 'short', label: 'Short (50–80 words)' },
  { value: 'medium', label: 'Medium (120–180 words)' },
  { value: 'long', label: 'Long (250–350 words)' },
];
