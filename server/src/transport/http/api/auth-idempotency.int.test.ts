import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiKey } from '../../../modules/tenancy';
import { type ApiTestServer, startApiTestServer } from './api-test-server';
import { hashRequest } from './idempotency';
import { apiRouteList } from './index';

/** API keys, scopes, rate limits and Idempotency-Key over real HTTP on a real database. */
let api: ApiTestServer;
let clock = new Date('2026-01-05T12:00:00.000Z');

beforeAll(async () => {
  api = await startApiTestServer({ now: () => clock });
});
afterAll(async () => api.close());

const product = (externalId: string) => ({
  externalId,
  title: `Idempotent ${externalId}`,
  variants: [{ priceCents: 1000 }],
});

const countProducts = (externalId: string) =>
  api.prisma.product.count({ where: { workspaceId: api.workspaceA, externalId } });

describe('authentication and scopes', () => {
  it('answers 401 without a key, with a malformed, unknown or revoked key, on every route', async () => {
    const revoked = await api.createKey(api.workspaceA);
    const revokedId = (await api.prisma.apiKey.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })).id;
    await revokeApiKey(api.prisma, api.workspaceA, revokedId);
    for (const route of apiRouteList) {
      const path = route.path.replace(':id', randomUUID());
      const method = route.method.toUpperCase();
      const none = await api.call(method, path, { body: route.body ? {} : undefined });
      expect(none.status, `${method} ${path}`).toBe(401);
      expect(none.body.error.code).toBe('unauthorized');
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      for (const key of ['sk_live_unknown', 'Basic abc', revoked]) {
        const response = await api.call(method, path, { key, body: route.body ? {} : undefined });
        expect(response.status, `${method} ${path} with ${key}`).toBe(401);
      }
    }
  });

  it('answers 403 naming the scope when the key lacks it', async () => {
    const readOnly = await api.createKey(api.workspaceA, ['products:read', 'inbox']);
    for (const route of apiRouteList.filter((candidate) => candidate.scope !== 'products:read')) {
      const response = await api.call(route.method.toUpperCase(), route.path.replace(':id', randomUUID()), {
        key: readOnly,
        body: route.body ? {} : undefined,
      });
      expect(response.status, route.operationId).toBe(403);
      expect(response.body.error).toEqual({
        code: 'missing_scope',
        message: `This API key lacks the "${route.scope}" scope.`,
        details: { requiredScope: route.scope },
      });
    }
  });

  it('limits requests per key per minute with 429 and Retry-After', async () => {
    const limited = await startApiTestServer({ requestsPerMinute: 3 });
    try {
      const key = await limited.createKey(limited.workspaceA, ['products:read']);
      const statuses: number[] = [];
      for (let index = 0; index < 5; index++)
        statuses.push((await limited.call('GET', '/api/v1/products', { key })).status);
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      const refused = await limited.call('GET', '/api/v1/products', { key });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer byte for byte without writing again', async () => {
    const key = await api.createKey(api.workspaceA, ['products:write']);
    const idempotencyKey = randomUUID();
    const first = await api.call('POST', '/api/v1/products', {
      key,
      body: product('idem-1'),
      headers: { 'idempotency-key': idempotencyKey },
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // Same body, keys in another order and spacing: the same request.
    const retry = await api.call('POST', '/api/v1/products', {
      key,
      rawBody: JSON.stringify(
        { variants: [{ priceCents: 1000 }], title: 'Idempotent idem-1', externalId: 'idem-1' },
        null,
        2,
      ),
      headers: { 'idempotency-key': idempotencyKey },
    });
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await countProducts('idem-1')).toBe(1);

    // Another key of the same workspace shares the key space.
    const otherKey = await api.createKey(api.workspaceA, ['products:write']);
    const fromOtherKey = await api.call('POST', '/api/v1/products', {
      key: otherKey,
      body: product('idem-1'),
      headers: { 'idempotency-key': idempotencyKey },
    });
    expect(fromOtherKey.text).toBe(first.text);
  });

  it('refuses the same key with a different body or path with 422, and writes nothing', async () => {
    const key = await api.createKey(api.workspaceA, ['products:write', 'contacts:write']);
    const idempotencyKey = randomUUID();
    await api.call('POST', '/api/v1/products', {
      key,
      body: product('idem-2'),
      headers: { 'idempotency-key': idempotencyKey },
    });
    const changed = await api.call('POST', '/api/v1/products', {
      key,
      body: product('idem-2-changed'),
      headers: { 'idempotency-key': idempotencyKey },
    });
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('idempotency_key_reused');
    expect(await countProducts('idem-2-changed')).toBe(0);
    const elsewhere = await api.call('POST', '/api/v1/contacts', {
      key,
      body: { email: 'idem@example.com' },
      headers: { 'idempotency-key': idempotencyKey },
    });
    expect(elsewhere.status).toBe(422);
  });

  it('stores and replays a domain error, but not a validation error the client can fix', async () => {
    const key = await api.createKey(api.workspaceA, ['products:write']);
    await api.call('POST', '/api/v1/products', { key, body: product('idem-3') });
    const conflictKey = randomUUID();
    const conflict = await api.call('POST', '/api/v1/products', {
      key,
      body: product('idem-3'),
      headers: { 'idempotency-key': conflictKey },
    });
    expect(conflict.status).toBe(409);
    const replay = await api.call('POST', '/api/v1/products', {
      key,
      body: product('idem-3'),
      headers: { 'idempotency-key': conflictKey },
    });
    expect([replay.status, replay.text, replay.headers.get('idempotent-replayed')]).toEqual([
      409,
      conflict.text,
      'true',
    ]);

    const fixKey = randomUUID();
    const invalid = await api.call('POST', '/api/v1/products', {
      key,
      body: { title: 'No variants' },
      headers: { 'idempotency-key': fixKey },
    });
    expect(invalid.status).toBe(400);
    const fixed = await api.call('POST', '/api/v1/products', {
      key,
      body: product('idem-3-fixed'),
      headers: { 'idempotency-key': fixKey },
    });
    expect(fixed.status).toBe(201);
  });

  it('answers 409 while the first request is still running, and forgets keys after 24 hours', async () => {
    const key = await api.createKey(api.workspaceA, ['products:write']);
    const body = product('idem-4');
    const running = randomUUID();
    const first = api.call('POST', '/api/v1/products', { key, body, headers: { 'idempotency-key': running } });
    const second = api.call('POST', '/api/v1/products', { key, body, headers: { 'idempotency-key': running } });
    const statuses = (await Promise.all([first, second])).map((response) => response.status).sort();
    // Either the second saw the first running (409) or finished (a replayed 201); never two writes.
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    expect(await countProducts('idem-4')).toBe(1);

    // A first request still running (or one that died mid-way): 409, until it counts as abandoned.
    const stuck = randomUUID();
    const stuckBody = product('idem-4b');
    await api.prisma.$executeRaw`
      INSERT INTO "IdempotencyRecord" ("workspaceId", "key", "requestHash", "createdAt")
      VALUES (${api.workspaceA}::uuid, ${stuck}, ${hashRequest('POST', '/api/v1/products', stuckBody)},
              ${clock.toISOString()}::timestamp(3))`;
    const blocked = await api.call('POST', '/api/v1/products', {
      key,
      body: stuckBody,
      headers: { 'idempotency-key': stuck },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('idempotency_key_in_use');
    clock = new Date(clock.getTime() + 6 * 60_000);
    const resumed = await api.call('POST', '/api/v1/products', {
      key,
      body: stuckBody,
      headers: { 'idempotency-key': stuck },
    });
    expect(resumed.status).toBe(201);

    const expiring = randomUUID();
    await api.call('POST', '/api/v1/products', {
      key,
      body: product('idem-5'),
      headers: { 'idempotency-key': expiring },
    });
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    const reused = await api.call('POST', '/api/v1/products', {
      key,
      body: product('idem-6'),
      headers: { 'idempotency-key': expiring },
    });
    expect(reused.status).toBe(201);
    expect(reused.headers.get('idempotent-replayed')).toBeNull();
  });

  it('rejects a malformed key with 400', async () => {
    const key = await api.createKey(api.workspaceA, ['products:write']);
    const response = await api.call('POST', '/api/v1/products', {
      key,
      body: product('idem-7'),
      headers: { 'idempotency-key': 'x'.repeat(256) },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_idempotency_key');
  });
});

describe('the reference', () => {
  it('serves the OpenAPI document and an HTML page listing every path, with no script', async () => {
    const document = await api.call('GET', '/api/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toBe('3.1.1');
    const docs = await api.call('GET', '/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    expect(docs.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const path of Object.keys(document.body.paths)) expect(docs.text).toContain(`<code>${path}</code>`);
    expect(docs.text).not.toMatch(/<script|<link|<img|src=|href="https?:/i);
  });

  it('answers unknown API paths with the error body', async () => {
    const response = await api.call('GET', '/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });
});
