import { createHash } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { canonicalJson } from '../../../platform/canonical-json';
import { HttpError } from '../errors';
import { toErrorResponse } from './api-errors';
import type { ApiResult } from './api-route';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from './idempotency.repo';

/**
 * `Idempotency-Key` on writes. The first request with a key runs and its answer
 * (status and body, errors included unless they are ours) is stored for 24
 * hours; a retry with the same key and the same request gets that answer again
 * without writing, one with a different request gets 422. "Same request" means
 * the same method, path and JSON body (key order and spacing do not matter).
 * A retry that arrives while the first is still running gets 409; a first
 * request that died mid-way stops blocking its key after a few minutes.
 */
export const idempotencyRetention = { keepMs: 24 * 3_600_000, abandonedAfterMs: 5 * 60_000 } as const;

const keyPattern = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentResult extends ApiResult {
  /** The stored answer's JSON text, sent as is so a replay is byte-for-byte the first answer. */
  json: string;
  replayed: boolean;
}

export async function runIdempotently(
  deps: { prisma: PrismaClient; now: () => Date },
  request: { workspaceId: string; key: string; method: string; path: string; body: unknown },
  execute: () => Promise<ApiResult>,
): Promise<IdempotentResult> {
  if (!keyPattern.test(request.key)) {
    throw new HttpError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1–255 visible ASCII characters.');
  }
  const requestHash = hashRequest(request.method, request.path, request.body);
  const now = deps.now();
  const identity = { workspaceId: request.workspaceId, key: request.key, requestHash };
  const claim = await claimIdempotencyKey(deps.prisma, {
    ...identity,
    now,
    expiredBefore: new Date(now.getTime() - idempotencyRetention.keepMs),
    abandonedBefore: new Date(now.getTime() - idempotencyRetention.abandonedAfterMs),
  });
  if (!claim.claimed) {
    const { record } = claim;
    if (record.requestHash !== requestHash) {
      throw new HttpError(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was used with a different request; use a new key for a new request.',
      );
    }
    if (record.status === null || record.responseBody === null) {
      throw new HttpError(
        409,
        'idempotency_key_in_use',
        'A request with this Idempotency-Key is still running; retry shortly.',
      );
    }
    return { status: record.status, body: JSON.parse(record.responseBody), json: record.responseBody, replayed: true };
  }
  let result: ApiResult;
  try {
    result = await execute();
  } catch (error) {
    const known = toErrorResponse(error);
    if (!known || known.status >= 500) {
      await releaseIdempotencyKey(deps.prisma, identity).catch(() => {});
      throw error;
    }
    result = known;
  }
  const json = JSON.stringify(result.body);
  await completeIdempotencyKey(deps.prisma, {
    ...identity,
    status: result.status,
    responseBody: json,
    now: deps.now(),
  });
  return { ...result, json, replayed: false };
}

export function hashRequest(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}
