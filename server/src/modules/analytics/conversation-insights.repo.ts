import { Prisma, type PrismaClient } from '@prisma/client';
import { type LocalWindow, type SentimentCounts, sentimentBands } from './analytics.model';
import { inWindow, localMidnightUtc, toNumber } from './analytics.sql';

/** What shoppers asked about and how they felt, over the conversations started in a window. */

const startedIn = (window: LocalWindow) => inWindow(Prisma.sql`c."createdAt"`, window);

/** Intents come from the conversation analysis (one model call once a conversation goes quiet). */
export async function loadTopIntents(
  prisma: PrismaClient,
  workspaceId: string,
  window: LocalWindow,
  limit: number,
): Promise<{ intent: string; conversations: number }[]> {
  const rows = await prisma.$queryRaw<{ intent: string; conversations: bigint }[]>`
    SELECT c.intent AS intent, count(*) AS conversations
    FROM "Conversation" c
    WHERE c."workspaceId" = ${workspaceId}::uuid AND ${startedIn(window)} AND c.intent IS NOT NULL
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`;
  return rows.map((row) => ({ intent: row.intent, conversations: toNumber(row.conversations) }));
}

/**
 * The shopper's first message of each conversation, lower-cased with spaces
 * collapsed and trailing punctuation dropped, so "Do you ship to Canada?" and
 * "do you ship to canada" count together. Nothing cleverer: what is shown is
 * what shoppers typed. (Messages never predate their conversation, so the
 * window's start also bounds the message scan.)
 */
export async function loadTopOpenings(
  prisma: PrismaClient,
  workspaceId: string,
  window: LocalWindow,
  limit: number,
): Promise<{ question: string; conversations: number }[]> {
  const rows = await prisma.$queryRaw<{ question: string; conversations: bigint }[]>`
    WITH openings AS (
      SELECT DISTINCT ON (m."conversationId") m.text
      FROM "Conversation" c
      JOIN "Message" m ON m."conversationId" = c.id AND m."workspaceId" = c."workspaceId"
      WHERE c."workspaceId" = ${workspaceId}::uuid AND ${startedIn(window)} AND m.role = 'shopper'
        AND m."createdAt" >= ${localMidnightUtc(window.from, window.timeZone)}
      ORDER BY m."conversationId", m.seq
    ), normalised AS (
      SELECT left(regexp_replace(regexp_replace(lower(btrim(text)), '[[:space:]]+', ' ', 'g'),
        '[[:punct:][:space:]]+$', ''), 160) AS question
      FROM openings
    )
    SELECT question, count(*) AS conversations FROM normalised WHERE question <> ''
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`;
  return rows.map((row) => ({ question: row.question, conversations: toNumber(row.conversations) }));
}

export async function loadSentiment(
  prisma: PrismaClient,
  workspaceId: string,
  window: LocalWindow,
): Promise<SentimentCounts> {
  const { negativeBelow, positiveAbove } = sentimentBands;
  const rows = await prisma.$queryRaw<{ negative: bigint; neutral: bigint; positive: bigint; unrated: bigint }[]>`
    SELECT count(*) FILTER (WHERE c.sentiment < ${negativeBelow}) AS negative,
      count(*) FILTER (WHERE c.sentiment >= ${negativeBelow} AND c.sentiment <= ${positiveAbove}) AS neutral,
      count(*) FILTER (WHERE c.sentiment > ${positiveAbove}) AS positive,
      count(*) FILTER (WHERE c.sentiment IS NULL) AS unrated
    FROM "Conversation" c
    WHERE c."workspaceId" = ${workspaceId}::uuid AND ${startedIn(window)}`;
  const row = rows[0];
  return {
    negative: toNumber(row?.negative),
    neutral: toNumber(row?.neutral),
    positive: toNumber(row?.positive),
    unrated: toNumber(row?.unrated),
  };
}
