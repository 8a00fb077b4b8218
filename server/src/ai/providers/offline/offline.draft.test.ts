import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JsonSchema } from '../../ai.model';
import { draftFromSchema, OFFLINE_LABEL } from './offline.draft';

const draftFor = (schema: z.ZodType) => draftFromSchema(z.toJSONSchema(schema) as JsonSchema, 'Blue wool scarf');

describe('draftFromSchema', () => {
  const cases: [string, z.ZodType][] = [
    [
      'ad variants',
      z.object({ variants: z.array(z.object({ headline: z.string().max(30), body: z.string().max(90) })).min(2) }),
    ],
    [
      'nullable and optional fields',
      z.object({ summary: z.string(), note: z.string().nullable(), extra: z.number().optional() }),
    ],
    ['numbers with exclusive bounds', z.object({ confidence: z.number().gt(0).lt(1), stars: z.int().gte(3).lte(5) })],
    [
      'literals and enums',
      z.object({ language: z.literal('de'), sentiment: z.enum(['positive', 'neutral', 'negative']) }),
    ],
    ['records and booleans', z.object({ attributes: z.record(z.string(), z.string()), featured: z.boolean() })],
    ['formats', z.object({ id: z.uuid(), publishAt: z.iso.datetime(), link: z.url(), day: z.iso.date() })],
    ['unions', z.object({ value: z.union([z.string().min(3), z.number()]) })],
    ['tuples', z.object({ range: z.tuple([z.number().min(5), z.string()]) })],
    ['short strings', z.object({ code: z.string().min(2).max(8) })],
  ];

  it.each(cases)('satisfies a schema with %s', (_name, schema) => {
    const draft = draftFor(schema);
    const parsed = schema.safeParse(draft);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('labels free text and names what it is about', () => {
    const draft = draftFor(z.object({ productDescription: z.string() })) as { productDescription: string };
    expect(draft.productDescription).toBe(`${OFFLINE_LABEL} Product description for Blue wool scarf`);
  });

  it('fills only required properties', () => {
    expect(draftFor(z.object({ title: z.string(), subtitle: z.string().optional() }))).toEqual({
      title: `${OFFLINE_LABEL} Title for Blue wool scarf`,
    });
  });

  it('follows $ref into $defs', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { item: { $ref: '#/$defs/Item' } },
      required: ['item'],
      $defs: { Item: { type: 'object', properties: { qty: { type: 'integer', minimum: 2 } }, required: ['qty'] } },
    };
    expect(draftFromSchema(schema, '')).toEqual({ item: { qty: 2 } });
  });
});
