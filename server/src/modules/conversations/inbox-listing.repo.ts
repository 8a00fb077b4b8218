import type { Prisma, PrismaClient } from '@prisma/client';
import { z } from 'zod';
import {
  type InboxCounts,
  type InboxFilter,
  type InboxRow,
  InvalidInboxCursorError,
  inboxPageSize,
} from './inbox.model';

/**
 * The inbox list: newest activity first, a page at a time. The cursor is the
 * last row's (lastMessageAt, id); a conversation that gets a new message while
 * someone pages moves to the top, where the live socket shows it anyway.
 */
const previewLength = 140;
const previewRoles = ['shopper', 'assistant', 'agent', 'system'];

interface SortKey {
  lastMessageAt: Date;
  id: string;
}

const cursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeInboxCursor(row: SortKey): string {
  return Buffer.from(JSON.stringify([row.lastMessageAt.toISOString(), row.id])).toString('base64url');
}

export function decodeInboxCursor(cursor: string | undefined): SortKey | undefined {
  if (!cursor) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidInboxCursorError();
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) throw new InvalidInboxCursorError();
  return { lastMessageAt: new Date(parsed.data[0]), id: parsed.data[1] };
}

function filterWhere(filter: InboxFilter, userId: string | null): Prisma.ConversationWhereInput {
  switch (filter) {
    case 'ai':
    case 'waiting':
    case 'closed':
      return { status: filter };
    // Assigned to me and still open, whoever answers right now (a waiting one may already be mine).
    case 'mine':
      return userId ? { assignedUserId: userId, status: { not: 'closed' } } : { id: { in: [] } };
    default:
      return {};
  }
}

export async function listInboxPage(
  prisma: PrismaClient,
  workspaceId: string,
  listing: { filter: InboxFilter; userId: string | null; after?: SortKey; limit?: number },
): Promise<{ rows: InboxRow[]; nextCursor: string | null }> {
  const limit = listing.limit ?? inboxPageSize;
  const { after } = listing;
  const conversations = await prisma.conversation.findMany({
    where: {
      workspaceId,
      ...filterWhere(listing.filter, listing.userId),
      ...(after
        ? {
            OR: [
              { lastMessageAt: { lt: after.lastMessageAt } },
              { lastMessageAt: after.lastMessageAt, id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: {
      id: true,
      status: true,
      assignedUserId: true,
      intent: true,
      lastMessageAt: true,
      createdAt: true,
      contact: { select: { id: true, name: true, email: true } },
    },
  });
  const page = conversations.slice(0, limit);
  const previews = await findPreviews(
    prisma,
    workspaceId,
    page.map((conversation) => conversation.id),
  );
  const last = page.at(-1);
  return {
    rows: page.map((conversation) => ({
      id: conversation.id,
      status: conversation.status,
      assignedUserId: conversation.assignedUserId,
      contact: conversation.contact,
      preview: previews.get(conversation.id) ?? null,
      intent: conversation.intent,
      lastMessageAt: conversation.lastMessageAt.toISOString(),
      createdAt: conversation.createdAt.toISOString(),
    })),
    nextCursor: conversations.length > limit && last ? encodeInboxCursor(last) : null,
  };
}

/** The latest visible message of each conversation: one index walk backwards per conversation. */
async function findPreviews(prisma: PrismaClient, workspaceId: string, conversationIds: string[]) {
  if (conversationIds.length === 0) return new Map<string, { role: string; text: string }>();
  const rows = await prisma.$queryRaw<Array<{ conversationId: string; role: string; text: string }>>`
    SELECT ids.id::text AS "conversationId", last.role, last.text
    FROM unnest(${conversationIds}::uuid[]) AS ids(id)
    CROSS JOIN LATERAL (
      SELECT m.role::text AS role, left(m.text, ${previewLength}) AS text
      FROM "Message" m
      WHERE m."conversationId" = ids.id AND m."workspaceId" = ${workspaceId}::uuid
        AND m.role::text = ANY(${previewRoles}::text[]) AND m.text <> ''
      ORDER BY m.seq DESC
      LIMIT 1
    ) last`;
  return new Map(rows.map((row) => [row.conversationId, { role: row.role, text: row.text }]));
}

export async function countInbox(
  prisma: PrismaClient,
  workspaceId: string,
  userId: string | null,
): Promise<InboxCounts> {
  const [row] = await prisma.$queryRaw<Array<Record<InboxFilter, bigint>>>`
    SELECT count(*) AS "all",
      count(*) FILTER (WHERE status = 'ai') AS ai,
      count(*) FILTER (WHERE status = 'waiting') AS waiting,
      count(*) FILTER (WHERE status = 'closed') AS closed,
      count(*) FILTER (WHERE status <> 'closed' AND "assignedUserId" = ${userId}::uuid) AS mine
    FROM "Conversation" WHERE "workspaceId" = ${workspaceId}::uuid`;
  const count = (filter: InboxFilter) => Number(row?.[filter] ?? 0);
  return {
    all: count('all'),
    ai: count('ai'),
    waiting: count('waiting'),
    mine: count('mine'),
    closed: count('closed'),
  };
}
