import type { ContentDraftStatus, Prisma, PrismaClient } from '@prisma/client';
import {
  type ContentActor,
  ContentDraftNotFoundError,
  InvalidContentError,
  InvalidDraftTransitionError,
  maxBulkDrafts,
  reviewTransitions,
} from './content.model';
import { findDraftWithHistory, lockDrafts } from './content-draft.repo';
import { parseKindContent } from './content-kinds';
import { appendRevisions } from './content-revision.repo';
import { type DraftSelection, maxMatchingDrafts, resolveDraftSelection } from './content-selection';

/**
 * People reviewing drafts: edit, approve, reject, reopen — one at a time or
 * in bulk. Every change is one transaction with its revision, so the history
 * never misses a step. The caller has checked `content.approve`.
 */

export interface ReviewOutcome {
  /** Drafts changed. */
  changed: number;
  /** Drafts whose status did not allow the action (bulk actions skip them; single actions throw). */
  skipped: number;
}

type Decision = 'approve' | 'reject' | 'reopen';

const decisionTarget: Record<Decision, ContentDraftStatus> = {
  approve: 'approved',
  reject: 'rejected',
  reopen: 'in_review',
};
const decisionAction = { approve: 'approved', reject: 'rejected', reopen: 'reopened' } as const;

export async function decideDrafts(
  prisma: PrismaClient,
  actor: ContentActor,
  decision: Decision,
  draftIds: string[],
  options: { note?: string; single?: boolean } = {},
): Promise<ReviewOutcome> {
  const ids = [...new Set(draftIds)];
  if (ids.length === 0) throw new InvalidContentError('Select at least one draft.');
  if (ids.length > maxBulkDrafts) throw new InvalidContentError(`Select at most ${maxBulkDrafts} drafts at a time.`);
  const note = options.note?.trim().slice(0, 1_000) || null;
  return prisma.$transaction(async (tx) => {
    const drafts = await lockDrafts(tx, actor.workspaceId, ids);
    if (options.single && drafts.length === 0) throw new ContentDraftNotFoundError();
    const allowed = drafts.filter((draft) => reviewTransitions[decision].includes(draft.status));
    if (options.single && allowed.length === 0 && drafts[0]) {
      throw new InvalidDraftTransitionError(decision, drafts[0].status);
    }
    const toStatus = decisionTarget[decision];
    if (allowed.length > 0) {
      await tx.contentDraft.updateMany({
        where: { id: { in: allowed.map((draft) => draft.id) }, workspaceId: actor.workspaceId },
        data: {
          status: toStatus,
          reviewedByUserId: actor.type === 'user' ? actor.id : null,
          reviewedAt: new Date(),
          error: null,
        },
      });
      await appendRevisions(
        tx,
        actor,
        allowed.map((draft) => ({
          draftId: draft.id,
          action: decisionAction[decision],
          fromStatus: draft.status,
          toStatus,
          note,
        })),
      );
    }
    return { changed: allowed.length, skipped: ids.length - allowed.length };
  });
}

/**
 * A review decision on a selection: ticked drafts (up to the bulk limit, one
 * transaction) or every draft matching the list's filters, decided a
 * thousand at a time so a 10,000-draft run is approved without one giant
 * transaction holding every row.
 */
export async function decideSelection(
  prisma: PrismaClient,
  actor: ContentActor,
  decision: Decision,
  selection: DraftSelection,
): Promise<ReviewOutcome> {
  if ('draftIds' in selection) return decideDrafts(prisma, actor, decision, selection.draftIds);
  const ids = await resolveDraftSelection(prisma, actor.workspaceId, selection, maxMatchingDrafts);
  const total: ReviewOutcome = { changed: 0, skipped: 0 };
  for (let start = 0; start < ids.length; start += maxBulkDrafts) {
    const outcome = await decideDrafts(prisma, actor, decision, ids.slice(start, start + maxBulkDrafts));
    total.changed += outcome.changed;
    total.skipped += outcome.skipped;
  }
  return total;
}

/**
 * A person's edit, validated by the kind's schema (limits included). Editing
 * an approved or published piece sends it back to review: what gets published
 * is always what someone approved.
 */
export async function editDraft(
  prisma: PrismaClient,
  actor: ContentActor,
  draftId: string,
  content: unknown,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const [draft] = await lockDrafts(tx, actor.workspaceId, [draftId]);
    if (!draft) throw new ContentDraftNotFoundError();
    if (!reviewTransitions.edit.includes(draft.status)) throw new InvalidDraftTransitionError('edit', draft.status);
    const parsed = parseKindContent(draft.kind, content);
    if (!parsed.ok) throw new InvalidContentError(parsed.message);
    await tx.contentDraft.update({
      where: { id: draft.id },
      data: { content: parsed.content as Prisma.InputJsonObject, status: 'in_review' },
    });
    await appendRevisions(tx, actor, [
      {
        draftId: draft.id,
        action: 'edited',
        fromStatus: draft.status,
        toStatus: 'in_review',
        before: draft.content,
        after: parsed.content,
      },
    ]);
  });
}

export async function getDraft(prisma: PrismaClient, workspaceId: string, draftId: string) {
  const draft = await findDraftWithHistory(prisma, workspaceId, draftId);
  if (!draft) throw new ContentDraftNotFoundError();
  return draft;
}
