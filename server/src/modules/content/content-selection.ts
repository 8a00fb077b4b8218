import type { PrismaClient } from '@prisma/client';
import { InvalidContentError } from './content.model';
import { countMatchingDrafts, type DraftFilter, listMatchingDraftIds } from './content-draft.repo';

/**
 * What a bulk action is for: the drafts someone ticked, or every draft
 * matching the list's filters ("select all 4,000 drafts"), resolved here so
 * the page never has to send thousands of ids.
 */
export type DraftSelection = { draftIds: string[] } | { matching: DraftFilter };

/** Most drafts one "select all matching" review decision reaches: a 10,000-product run with five kinds. */
export const maxMatchingDrafts = 50_000;

/** The selection's draft ids, in id order; a filter that matches more than `limit` is refused, never cut short. */
export async function resolveDraftSelection(
  prisma: PrismaClient,
  workspaceId: string,
  selection: DraftSelection,
  limit: number,
): Promise<string[]> {
  if ('draftIds' in selection) return selection.draftIds;
  const ids = await listMatchingDraftIds(prisma, workspaceId, selection.matching, limit + 1);
  if (ids.length === 0) throw new InvalidContentError('No drafts match the filters.');
  if (ids.length > limit) {
    const total = await countMatchingDrafts(prisma, workspaceId, selection.matching);
    throw new InvalidContentError(
      `${total.toLocaleString('en')} drafts match the filters; this action takes at most ${limit.toLocaleString('en')} at a time. Narrow the filters (a run, a status or a kind) and try again.`,
    );
  }
  return ids;
}
