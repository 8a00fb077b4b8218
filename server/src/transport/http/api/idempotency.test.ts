import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../platform/canonical-json';
import { hashRequest } from './idempotency';

describe('request identity for Idempotency-Key', () => {
  it('ignores key order and spacing, but not values, arrays’ order, method or path', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    const body = { title: 'x', variants: [{ priceCents: 1 }] };
    const same = hashRequest('post', '/api/v1/products', JSON.parse(JSON.stringify(body, null, 4)));
    expect(hashRequest('POST', '/api/v1/products', { variants: [{ priceCents: 1 }], title: 'x' })).toBe(same);
    expect(hashRequest('POST', '/api/v1/products', { ...body, title: 'y' })).not.toBe(same);
    expect(hashRequest('POST', '/api/v1/contacts', body)).not.toBe(same);
    expect(hashRequest('PATCH', '/api/v1/products', body)).not.toBe(same);
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});
