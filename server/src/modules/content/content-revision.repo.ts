import type { ContentDraftStatus, Prisma } from '@prisma/client';
import type { ContentActor } from './content.model';

/**
 * What happened to a draft. Revisions are append-only (a database trigger
 * refuses updates), so this is the only write there is.
 */
export type RevisionAction =
  | 'generated'
  | 'generation_failed'
  | 'edited'
  | 'approved'
  | 'rejected'
  | 'reopened'
  | 'published'
  | 'publish_failed'
  | 'exported';

export interface NewRevision {
  draftId: string;
  action: RevisionAction;
  fromStatus: ContentDraftStatus | null;
  toStatus: ContentDraftStatus | null;
  before?: unknown;
  after?: unknown;
  provider?: string | null;
  model?: string | null;
  promptVersion?: string | null;
  note?: string | null;
}

const json = (value: unknown) => (value === undefined || value === null ? undefined : (value as Prisma.InputJsonValue));

export async function appendRevisions(
  tx: Prisma.TransactionClient,
  actor: ContentActor,
  revisions: NewRevision[],
): Promise<void> {
  if (revisions.length === 0) return;
  await tx.contentRevision.createMany({
    data: revisions.map((revision) => ({
      workspaceId: actor.workspaceId,
      draftId: revision.draftId,
      action: revision.action,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      fromStatus: revision.fromStatus,
      toStatus: revision.toStatus,
      before: json(revision.before),
      after: json(revision.after),
      provider: revision.provider ?? null,
      model: revision.model ?? null,
      promptVersion: revision.promptVersion ?? null,
      note: revision.note ?? null,
    })),
  });
}

export const systemActor = (workspaceId: string): ContentActor => ({
  workspaceId,
  type: 'system',
  id: null,
  name: 'Content studio',
});
