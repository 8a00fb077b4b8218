import type { PrismaClient } from '@prisma/client';

/**
 * Storage of Idempotency-Key records (model IdempotencyRecord). Raw SQL
 * because the claim must be one atomic statement: of two requests racing with
 * the same key, exactly one inserts the row (or takes over an expired or
 * abandoned one) and runs the write; the other reads the row and is told to
 * wait or gets the stored answer.
 * Timestamps are passed as ISO text cast to timestamp(3): UTC wall time, as
 * Prisma stores DateTime.
 */
export interface IdempotencyRecord {
  requestHash: string;
  status: number | null;
  responseBody: string | null;
}

export type ClaimOutcome = { claimed: true } | { claimed: false; record: IdempotencyRecord };

export async function claimIdempotencyKey(
  prisma: PrismaClient,
  input: {
    workspaceId: string;
    key: string;
    requestHash: string;
    now: Date;
    expiredBefore: Date;
    abandonedBefore: Date;
  },
): Promise<ClaimOutcome> {
  const { workspaceId, key, requestHash } = input;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const claimed = await prisma.$queryRaw<unknown[]>`
      INSERT INTO "IdempotencyRecord" ("workspaceId", "key", "requestHash", "createdAt")
      VALUES (${workspaceId}::uuid, ${key}, ${requestHash}, ${input.now.toISOString()}::timestamp(3))
      ON CONFLICT ("workspaceId", "key") DO UPDATE SET
        "requestHash" = EXCLUDED."requestHash", "status" = NULL, "responseBody" = NULL,
        "createdAt" = EXCLUDED."createdAt", "completedAt" = NULL
      WHERE "IdempotencyRecord"."createdAt" < ${input.expiredBefore.toISOString()}::timestamp(3)
         OR ("IdempotencyRecord"."status" IS NULL
             AND "IdempotencyRecord"."requestHash" = EXCLUDED."requestHash"
             AND "IdempotencyRecord"."createdAt" < ${input.abandonedBefore.toISOString()}::timestamp(3))
      RETURNING 1 AS claimed`;
    if (claimed.length > 0) return { claimed: true };
    const [record] = await prisma.$queryRaw<IdempotencyRecord[]>`
      SELECT "requestHash", "status", "responseBody" FROM "IdempotencyRecord"
      WHERE "workspaceId" = ${workspaceId}::uuid AND "key" = ${key}`;
    // Gone between the two statements (released by a failed first request, or cleaned up): claim again.
    if (record) return { claimed: false, record };
  }
  throw new Error('Idempotency key could not be claimed or read');
}

export async function completeIdempotencyKey(
  prisma: PrismaClient,
  input: { workspaceId: string; key: string; requestHash: string; status: number; responseBody: string; now: Date },
): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "IdempotencyRecord"
    SET "status" = ${input.status}, "responseBody" = ${input.responseBody},
        "completedAt" = ${input.now.toISOString()}::timestamp(3)
    WHERE "workspaceId" = ${input.workspaceId}::uuid AND "key" = ${input.key} AND "requestHash" = ${input.requestHash}`;
}

/** Forgets an unfinished claim (the write failed on our side), so a retry runs it again. */
export async function releaseIdempotencyKey(
  prisma: PrismaClient,
  input: { workspaceId: string; key: string; requestHash: string },
): Promise<void> {
  await prisma.$executeRaw`
    DELETE FROM "IdempotencyRecord"
    WHERE "workspaceId" = ${input.workspaceId}::uuid AND "key" = ${input.key}
      AND "requestHash" = ${input.requestHash} AND "status" IS NULL`;
}

/** Drops records past their 24 hours (for the system.cleanup job). */
export async function deleteExpiredIdempotencyRecords(prisma: PrismaClient, olderThan: Date): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM "IdempotencyRecord" WHERE "createdAt" < ${olderThan.toISOString()}::timestamp(3)`;
}
