import { describe, expect, it } from 'vitest';
import { productCreateSchema, productUpsertSchema } from './product-write.model';
import { toHandle } from './product-write.service';

describe('product writes', () => {
  it('derives URL-safe handles from titles', () => {
    expect(toHandle('Men’s Trail Shoe — Größe 42')).toBe('mens-trail-shoe-grosse-42');
    expect(toHandle('  Café au lait!! ')).toBe('cafe-au-lait');
    expect(toHandle('★★★')).toBe('product');
  });

  it('applies defaults on create, normalises codes and handles, and refuses unknown fields', () => {
    const parsed = productCreateSchema.parse({
      title: ' Tee ',
      handle: 'Harbor-Tee',
      currency: 'eur',
      variants: [{ priceCents: 2500 }],
    });
    expect(parsed).toMatchObject({ title: 'Tee', handle: 'harbor-tee', currency: 'EUR', status: 'active', tags: [] });
    expect(parsed.variants[0]).toEqual({ priceCents: 2500 });
    expect(productCreateSchema.safeParse({ title: 'x', variants: [{ priceCents: 1 }], price: 1 }).success).toBe(false);
    expect(productCreateSchema.safeParse({ title: 'x', handle: 'a b', variants: [{ priceCents: 1 }] }).success).toBe(
      false,
    );
  });

  it('needs an externalId or a handle to match a bulk row, and distinct variant externalIds', () => {
    expect(productUpsertSchema.safeParse({ title: 'x' }).success).toBe(false);
    expect(productUpsertSchema.safeParse({ title: 'x', handle: 'x' }).success).toBe(true);
    const twice = productUpsertSchema.safeParse({
      title: 'x',
      externalId: 'p',
      variants: [
        { externalId: 'v', priceCents: 1 },
        { externalId: 'v', priceCents: 2 },
      ],
    });
    expect(twice.success).toBe(false);
  });
});
