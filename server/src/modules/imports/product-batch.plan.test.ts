import { describe, expect, it } from 'vitest';
import type { ProductUpsert, VariantInput } from '../catalog';
import { freeHandle, matchVariants, planProductWrites } from './product-batch.plan';

const product = (fields: Partial<ProductUpsert>): ProductUpsert => ({ title: 'Mug', ...fields }) as ProductUpsert;
const existing = [
  { id: 'p1', handle: 'mug', externalId: null },
  { id: 'p2', handle: 'cup', externalId: 'EXT-CUP' },
];

describe('planProductWrites', () => {
  it('matches by externalId first, then handle, and creates the rest', () => {
    const actions = planProductWrites(
      [product({ externalId: 'EXT-CUP', handle: 'renamed' }), product({ handle: 'mug' }), product({ handle: 'new' })],
      existing,
      new Set(),
    );
    expect(actions.map((action) => [action.kind, 'id' in action ? action.id : undefined])).toEqual([
      ['update', 'p2'],
      ['update', 'p1'],
      ['create', expect.stringMatching(/^[0-9a-f-]{36}$/)],
    ]);
  });

  it('refuses a handle that belongs to a product with another externalId', () => {
    const [action] = planProductWrites([product({ externalId: 'OTHER', handle: 'cup' })], existing, new Set());
    expect(action).toEqual({
      kind: 'problem',
      problem: { field: 'handle', message: 'Handle "cup" belongs to the product with externalId "EXT-CUP".' },
    });
  });

  it('names new products without a handle after their title, skipping handles in use', () => {
    const actions = planProductWrites(
      [product({ externalId: 'A', title: 'Mug' }), product({ externalId: 'B', title: 'Mug' })],
      existing,
      new Set(['mug-2']),
    );
    expect(actions.map((action) => (action.kind === 'create' ? action.handle : action.kind))).toEqual([
      'mug-3',
      'mug-4',
    ]);
  });

  it('lets the later of two rows for one product win', () => {
    const actions = planProductWrites(
      [product({ handle: 'mug', title: 'Old' }), product({ handle: 'bowl' }), product({ handle: 'mug', title: 'New' })],
      existing,
      new Set(),
    );
    expect(actions.map((action) => action.kind)).toEqual(['superseded', 'create', 'update']);
  });

  it('finds free handles', () => {
    expect(freeHandle('mug', new Set())).toBe('mug');
    expect(freeHandle('mug', new Set(['mug', 'mug-2']))).toBe('mug-3');
  });
});

describe('matchVariants', () => {
  const variants = [
    { id: 'v1', productId: 'p1', externalId: 'E1', sku: 'S1', title: 'Small' },
    { id: 'v2', productId: 'p1', externalId: null, sku: 'S2', title: 'Medium' },
    { id: 'v3', productId: 'p1', externalId: null, sku: null, title: 'Large' },
  ];
  const input = (fields: Partial<VariantInput>) => ({ priceCents: 100, ...fields }) as VariantInput;

  it('pairs by id, externalId, SKU, then title; unmatched inputs are new', () => {
    const result = matchVariants(variants, [
      input({ title: 'Large' }),
      input({ sku: 'S2', title: 'Renamed' }),
      input({ externalId: 'E1' }),
      input({ sku: 'S9' }),
    ]);
    expect('matches' in result && result.matches.map((match) => match?.id)).toEqual(['v3', 'v2', 'v1', undefined]);
  });

  it('refuses an id that is not one of the product’s variants', () => {
    const result = matchVariants(variants, [input({ id: '01890000-0000-7000-8000-000000000000' })]);
    expect(result).toEqual({
      problem: {
        field: 'variants.0.id',
        message: 'Variant 01890000-0000-7000-8000-000000000000 is not a variant of this product.',
      },
    });
  });
});
