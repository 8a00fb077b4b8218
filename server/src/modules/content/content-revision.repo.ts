import { type ContentDraftStatus, Prisma } from '@prisma/client';
import { uuidV7 } from '../../platform/uuid-v7';
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

function revisionRow(actor: ContentActor, revision: NewRevision) {
  return {
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
  };
}

export async function appendRevisions(
  tx: Prisma.TransactionClient,
  actor: ContentActor,
  revisions: NewRevision[],
): Promise<void> {
  if (revisions.length === 0) return;
  await tx.contentRevision.createMany({ data: revisions.map((revision) => revisionRow(actor, revision)) });
}

/**
 * The same row as `INSERT … SELECT <values>`, for a statement that writes a
 * draft and its revision at once: the caller adds the FROM clause that decides
 * whether the row is written (storing a generation result only while the
 * draft is still queued).
 */
export function revisionInsertSql(actor: ContentActor, revision: NewRevision): Prisma.Sql {
  const row = revisionRow(actor, revision);
  const jsonb = (value: Prisma.InputJsonValue | undefined) => (value === undefined ? null : JSON.stringify(value));
  return Prisma.sql`
    INSERT INTO "ContentRevision" (id, "workspaceId", "draftId", action, "actorType", "actorId", "actorName",
                                   "fromStatus", "toStatus", before, after, provider, model, "promptVersion", note)
    SELECT ${uuidV7()}::uuid, ${row.workspaceId}::uuid, ${row.draftId}::uuid, ${row.action}, ${row.actorType},
           ${row.actorId}, ${row.actorName}, ${row.fromStatus}::"ContentDraftStatus",
           ${row.toStatus}::"ContentDraftStatus", ${jsonb(row.before)}::jsonb, ${jsonb(row.after)}::jsonb,
           ${row.provider}, ${row.model}, ${row.promptVersion}, ${row.note}`;
}

export const systemActor = (workspaceId: string): ContentActor => ({
  workspaceId,
  type: 'system',
  id: null,
  name: 'Content studio',
});
