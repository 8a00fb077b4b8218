import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WireMessage } from '../protocol';
import { ConversationModel } from './conversation.model';

const conversationId = '00000000-0000-4000-8000-000000000001';

function wire(seq: number, overrides: Partial<WireMessage> = {}): WireMessage {
  return {
    id: `m-${seq}`,
    conversationId,
    seq,
    role: 'assistant',
    text: `message ${seq}`,
    clientId: null,
    authorName: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    products: [],
    orders: [],
    quickReplies: [],
    actions: [],
    ...overrides,
  };
}

const completed = (seq: number, text = `reply ${seq}`) => ({
  conversationId,
  messageId: `m-${seq}`,
  seq,
  text,
  products: [],
  orders: [],
  quickReplies: [],
  actions: [],
});

const seqs = (model: ConversationModel) => model.messages.value.map((message) => message.seq);

describe('ConversationModel', () => {
  it('orders messages by seq whatever order they arrive in', () => {
    const model = new ConversationModel();
    model.receiveMessage(conversationId, wire(3));
    model.receiveMessage(conversationId, wire(1));
    model.receiveMessage(conversationId, wire(2));
    expect(seqs(model)).toEqual([1, 2, 3]);
  });

  it('shows a seq once, and says whether it was new', () => {
    const model = new ConversationModel();
    expect(model.receiveMessage(conversationId, wire(1))).not.toBeNull();
    expect(model.receiveMessage(conversationId, wire(1, { text: 'again' }))).toBeNull();
    expect(model.receiveCompleted(completed(1, 'message 1'))).toBeNull();
    expect(model.messages.value.map((message) => message.text)).toEqual(['message 1']);
  });

  it('builds a reply from deltas, then replaces it with the completed text and cards', () => {
    const model = new ConversationModel();
    model.setTyping('assistant', true);
    model.receiveDelta({ conversationId, messageId: 'm-2', seq: 2, text: 'Hel' });
    expect(model.typing.value).toBeNull();
    model.receiveDelta({ conversationId, messageId: 'm-2', seq: 2, text: 'lo' });
    expect(model.messages.value[0]).toMatchObject({ text: 'Hello', state: 'streaming' });
    const product = { id: 'p1', title: 'Jacket' } as WireMessage['products'][number];
    const done = model.receiveCompleted({ ...completed(2, 'Hello there'), products: [product] });
    expect(done).not.toBeNull();
    expect(model.messages.value).toHaveLength(1);
    expect(model.messages.value[0]).toMatchObject({ text: 'Hello there', state: 'complete', products: [product] });
    // A late delta of a completed reply changes nothing.
    model.receiveDelta({ conversationId, messageId: 'm-2', seq: 2, text: '!!' });
    expect(model.messages.value[0]?.text).toBe('Hello there');
  });

  it('keeps the shopper’s messages in the outbox until acknowledged, then orders them by seq', () => {
    const model = new ConversationModel();
    model.addOutgoing('client-a', 'first');
    model.addOutgoing('client-b', 'second');
    expect(model.outbox.value.map((message) => message.clientId)).toEqual(['client-a', 'client-b']);
    model.acknowledge('client-a', { conversationId, messageId: 'm-1', seq: 1 });
    expect(model.conversationId.value).toBe(conversationId);
    expect(model.outbox.value.map((message) => message.clientId)).toEqual(['client-b']);
    expect(model.messages.value.map((message) => message.state)).toEqual(['complete', 'sending']);
  });

  it('merges a sync: only unseen seqs, confirming pending messages by clientId', () => {
    const model = new ConversationModel();
    model.switchTo(conversationId);
    model.receiveMessage(conversationId, wire(1));
    model.addOutgoing('client-x', 'typed offline');
    const added = model.receiveSync(
      [wire(1), wire(2, { role: 'shopper', clientId: 'client-x', text: 'typed offline' }), wire(3)],
      'human',
    );
    expect(added.map((message) => message.seq)).toEqual([3]);
    expect(seqs(model)).toEqual([1, 2, 3]);
    expect(model.outbox.value).toEqual([]);
    expect(model.status.value).toBe('human');
  });

  it('asks to sync from before a reply that was still streaming', () => {
    const model = new ConversationModel();
    model.receiveMessage(conversationId, wire(1));
    model.receiveDelta({ conversationId, messageId: 'm-2', seq: 2, text: 'par' });
    model.receiveMessage(conversationId, wire(3, { role: 'agent' }));
    expect(model.afterSeq.value).toBe(1);
    model.receiveSync([wire(2, { text: 'partial no more' }), wire(3)], 'ai');
    expect(model.messages.value.map((message) => [message.seq, message.state])).toEqual([
      [1, 'complete'],
      [2, 'complete'],
      [3, 'complete'],
    ]);
    expect(model.afterSeq.value).toBe(3);
  });

  it('drops the pending copy when the server’s copy of the same message arrived first', () => {
    const model = new ConversationModel();
    model.addOutgoing('client-a', 'hi');
    model.receiveMessage(conversationId, wire(4, { role: 'shopper', clientId: 'client-a', text: 'hi' }));
    model.acknowledge('client-a', { conversationId, messageId: 'm-4', seq: 4 });
    expect(model.messages.value).toHaveLength(1);
    expect(model.messages.value[0]).toMatchObject({ seq: 4, key: 'client-a', state: 'complete' });
  });

  it('marks failures and retries with the same clientId', () => {
    const model = new ConversationModel();
    model.addOutgoing('client-a', 'hi');
    model.fail('client-a', 'rate_limited');
    expect(model.outbox.value).toEqual([]);
    expect(model.messages.value[0]).toMatchObject({ state: 'failed', error: 'rate_limited' });
    model.retry('client-a');
    expect(model.outbox.value.map((message) => message.clientId)).toEqual(['client-a']);
  });

  it('ignores events of another conversation', () => {
    const model = new ConversationModel();
    model.switchTo(conversationId);
    model.receiveMessage('00000000-0000-4000-8000-000000000009', wire(1));
    expect(model.messages.value).toEqual([]);
  });

  it('keeps an ended conversation visible above a new one', () => {
    const model = new ConversationModel();
    model.switchTo(conversationId);
    model.receiveMessage(conversationId, wire(1));
    model.addOutgoing('client-new', 'hello again');
    const next = '00000000-0000-4000-8000-000000000002';
    model.acknowledge('client-new', { conversationId: next, messageId: 'n-1', seq: 1 });
    expect(model.conversationId.value).toBe(next);
    expect(model.earlier.value.map((message) => message.id)).toEqual(['m-1']);
    expect(model.messages.value.map((message) => message.id)).toEqual(['n-1']);
  });

  it('whatever the interleaving of deltas, completions, creations and syncs: each seq once, in order, complete', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('delta' as const), seq: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('completed' as const), seq: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('created' as const), seq: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('sync' as const), seq: fc.integer({ min: 0, max: 8 }) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const model = new ConversationModel();
        for (const { kind, seq } of events) {
          if (kind === 'delta') model.receiveDelta({ conversationId, messageId: `m-${seq}`, seq, text: 'x' });
          if (kind === 'completed') model.receiveCompleted(completed(seq));
          if (kind === 'created') model.receiveMessage(conversationId, wire(seq));
          if (kind === 'sync')
            model.receiveSync(
              [...Array(8 - seq)].map((_, index) => wire(seq + index + 1)),
              'ai',
            );
        }
        // A final catch-up from the model's own sync point completes everything.
        const from = model.afterSeq.value;
        model.receiveSync(
          [...Array(8 - from)].map((_, index) => wire(from + index + 1)),
          'ai',
        );
        const all = seqs(model);
        expect(all).toEqual([...new Set(all)].sort((a, b) => (a ?? 0) - (b ?? 0)));
        expect(model.messages.value.every((message) => message.state === 'complete')).toBe(true);
      }),
    );
  });
});
