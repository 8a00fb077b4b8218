import { describe, expect, it } from 'vitest';
import type { ToolDefinition } from '../../ai.model';
import { chooseIntent } from './offline.intent';

/** The offline assistant's order lookups: which lookup_order schema it is offered decides what it may do. */
const lookup = (required: string[]): ToolDefinition => ({
  name: 'lookup_order',
  description: 'lookup_order',
  parameters: {
    type: 'object',
    properties: { order_number: { type: 'string' }, email: { type: 'string' } },
    required,
  },
});
const search: ToolDefinition = {
  name: 'search_products',
  description: 'search_products',
  parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
};
const anonymous = [search, lookup(['order_number', 'email'])];
const signedIn = [search, lookup([])];

describe('offline order intent', () => {
  it("looks up a signed-in customer's latest order when they ask about it without a number", () => {
    for (const question of ['Where is my order?', 'Has my last parcel shipped yet', 'order status please']) {
      expect(chooseIntent(question, signedIn), question).toEqual({
        kind: 'tool',
        call: { name: 'lookup_order', args: {} },
      });
    }
  });

  it('passes a number a signed-in customer names, without asking for an email', () => {
    expect(chooseIntent('Where is order #1043?', signedIn)).toEqual({
      kind: 'tool',
      call: { name: 'lookup_order', args: { order_number: '1043' } },
    });
  });

  it('still asks an anonymous shopper for the email, and never looks up "my order" without proof', () => {
    expect(chooseIntent('Where is order #1043?', anonymous)).toEqual({
      kind: 'text',
      text: 'To look up order #1043, please also send the email address used for the order.',
    });
    const mine = chooseIntent('Where is my order?', anonymous);
    expect(mine.kind === 'tool' && mine.call.name).not.toBe('lookup_order');
  });
});
