// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Listener, PublicEventName } from '../shared/widget-contract';
import type { ChatMessage } from './models/chat-message';
import { ConversationModel } from './models/conversation.model';
import { SessionModel } from './models/session.model';
import { UiModel } from './models/ui.model';
import { createVisitorTokenStore } from './transport/visitor-token.store';
import type { WidgetConnection } from './transport/widget-connection';
import { createWidgetController } from './widget-controller';

function setup() {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const launcher = document.createElement('button');
  root.append(launcher);
  document.body.append(host);
  const registered = new Map<PublicEventName, Listener[]>();
  const on = (name: PublicEventName, listener: Listener) =>
    registered.set(name, [...(registered.get(name) ?? []), listener]);
  const ui = new UiModel(['en']);
  const session = new SessionModel();
  const conversation = new ConversationModel();
  const items = new Map<string, string>();
  const tokens = createVisitorTokenStore(
    'pk_test_12345678',
    () =>
      ({
        getItem: (key: string) => items.get(key) ?? null,
        setItem: (key: string, value: string) => void items.set(key, value),
      }) as Storage,
  );
  const connection = {
    connect: vi.fn(),
    flush: vi.fn(async () => {}),
    sendIdentity: vi.fn(async () => {}),
    requestHandoff: vi.fn(async () => 'ai' as const),
    captureLead: vi.fn(async () => true),
    rate: vi.fn(async () => true),
    reportCartAdded: vi.fn(),
    isConnected: true,
  } satisfies WidgetConnection;
  const controller = createWidgetController({
    handoff: { root, launcher, listeners: (name) => registered.get(name) ?? [] },
    ui,
    session,
    conversation,
    tokens,
    connection,
    win: window,
  });
  return { controller, ui, session, conversation, tokens, items, connection, launcher, root, on };
}

const reply = (overrides: Partial<ChatMessage> = {}): ChatMessage => ({
  key: 'm-1',
  id: 'm-1',
  seq: 1,
  role: 'assistant',
  text: 'Try **the Alpine**.',
  clientId: null,
  authorName: null,
  products: [],
  orders: [],
  quickReplies: [],
  actions: [],
  state: 'complete',
  ...overrides,
});

describe('widget controller', () => {
  it('opens: connects, allows the token to be stored, tells open listeners', () => {
    const { controller, ui, connection, tokens, items, on } = setup();
    const opened = vi.fn();
    on('open', opened);
    tokens.keep('vt_1');
    expect(items.size).toBe(0);
    controller.open();
    expect(ui.isOpen.value).toBe(true);
    expect(connection.connect).toHaveBeenCalled();
    expect(items.get('closer:pk_test_12345678:visitor')).toBe('vt_1');
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('closes: focus returns to the launcher when it was in the panel', () => {
    const { controller, launcher, root, on } = setup();
    const closed = vi.fn();
    on('close', closed);
    controller.open();
    const input = document.createElement('textarea');
    root.append(input);
    input.focus();
    controller.close();
    expect(root.activeElement).toBe(launcher);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('sends trimmed text to the outbox and refuses what is too long', () => {
    const { controller, conversation, session, connection } = setup();
    expect(controller.send('   ')).toBe(false);
    expect(controller.send('  hello  ')).toBe(true);
    expect(conversation.outbox.value.map((message) => message.text)).toEqual(['hello']);
    expect(connection.flush).toHaveBeenCalled();
    expect(controller.send('x'.repeat(2_001))).toBe(false);
    expect(session.notice.value?.code).toBe('message_too_long');
  });

  it('offers the lead form when nobody can take over', async () => {
    const { controller, session } = setup();
    await controller.askForPerson();
    expect(session.leadReason.value).toBe('nobody_available');
    await controller.submitLead({ email: 'ana@example.com' });
    expect(session.lead.value).toBe('done');
  });

  it('announces a new reply as plain words, counts it while closed, and tells message listeners', () => {
    const { controller, ui, on } = setup();
    const message = vi.fn();
    on('message', message);
    ui.configure({ assistant: { name: 'Ava' } } as never);
    controller.receive(reply(), 'live');
    expect(ui.announcement.value.text).toBe('Ava: Try the Alpine.');
    expect(ui.unread.value).toBe(1);
    expect(message).toHaveBeenCalledWith({ role: 'assistant', text: 'Try **the Alpine**.', conversationId: null });
    controller.receive(reply({ role: 'shopper' }), 'live');
    expect(ui.unread.value).toBe(1);
  });

  it('carries out the assistant’s actions live, but never replays a cart action from a catch-up', async () => {
    const { controller, session, on, connection } = setup();
    const added = vi.fn();
    on('add_to_cart', added);
    const action = {
      type: 'add_to_cart' as const,
      productId: 'p1',
      variantId: 'v1',
      externalVariantId: null,
      quantity: 1,
    };
    controller.receive(reply({ actions: [action] }), 'missed');
    await Promise.resolve();
    expect(added).not.toHaveBeenCalled();
    controller.receive(reply({ actions: [action, { type: 'lead_form', reason: 'asked' }] }), 'live');
    await vi.waitFor(() =>
      expect(connection.reportCartAdded).toHaveBeenCalledWith({ productId: 'p1', variantId: 'v1', quantity: 1 }),
    );
    expect(added).toHaveBeenCalledWith({ productId: 'p1', variantId: 'v1', externalVariantId: null, quantity: 1 });
    expect(session.leadReason.value).toBe('asked');
  });

  it('holds identify() until the connection can send it', () => {
    const { controller, session, connection } = setup();
    controller.identify({ email: 'ana@example.com', name: 'Ana' });
    expect(session.identity.value).toMatchObject({ email: 'ana@example.com', name: 'Ana' });
    expect(session.identity.value?.clientId.length).toBeGreaterThanOrEqual(8);
    expect(connection.sendIdentity).toHaveBeenCalled();
  });
});
