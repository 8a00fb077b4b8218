import { randomUUID } from 'node:crypto';
import type { ConversationStatus, MessageRole } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Closer } from '../../app';
import { listInboxPage } from '../../modules/conversations';
import { createIdentity, createLogMailer, issueAgentToken } from '../../modules/identity';
import { addTestMember, createTeam } from '../../modules/identity/identity.fixtures';
import {
  connectAgent,
  connectShopper,
  createTestStore,
  quiet,
  type TestClient,
  type TestStore,
} from '../../testing/closer-harness';
import { createSocketConversationEvents } from '../socket/conversation-events';
import type { AdminActor, AdminDeps } from './admin-deps';
import { classifyAdminError } from './admin-errors';
import { createInboxAdmin } from './inbox.admin';

/**
 * The admin's inbox against a real Closer (database, sockets, offline AI): the
 * facade's reads and actions, what the shopper's widget and other inboxes hear,
 * and the walls between roles and between workspaces.
 */
let store: TestStore;
let closer: Closer;
let inbox: ReturnType<typeof createInboxAdmin>;
let owner: AdminActor;
let agent: AdminActor;
let viewer: AdminActor;
let otherWorkspace: { actor: AdminActor; conversationId: string };
let watcher: TestClient;

const prisma = () => closer.database.prisma;
const identityDeps = () => ({ prisma: prisma(), clock: () => new Date() });

function adminDeps(): AdminDeps {
  return {
    prisma: prisma(),
    jobs: closer.jobs,
    ai: closer.ai,
    identity: createIdentity({
      prisma: prisma(),
      secret: closer.secret,
      mailer: createLogMailer(quiet.log),
      appUrl: closer.url,
      log: quiet.log,
    }),
    conversations: { prisma: prisma(), events: createSocketConversationEvents(closer.io) },
    secret: closer.secret,
    log: quiet.log,
    aiOffline: closer.aiOffline,
    aiProviders: closer.aiProviders,
    publicUrl: closer.url,
  };
}

async function member(workspaceId: string, role: 'owner' | 'agent' | 'viewer') {
  const added = await addTestMember(identityDeps(), workspaceId, role);
  const actor: AdminActor = { workspaceId, userId: added.user.id, role, displayName: added.user.name ?? role };
  return { actor, token: added.token };
}

async function conversation(
  workspaceId: string,
  status: ConversationStatus,
  messages: Array<[MessageRole, string, object?]> = [],
  extra: { assignedUserId?: string; contactId?: string } = {},
) {
  const created = await prisma().conversation.create({
    data: { workspaceId, visitorId: `visitor-${randomUUID()}`, status, lastSeq: messages.length, ...extra },
  });
  for (const [index, [role, text, parts]] of messages.entries()) {
    await prisma().message.create({
      data: { workspaceId, conversationId: created.id, seq: index + 1, role, text, parts },
    });
  }
  return created.id;
}

/** The error a call fails with, as the admin would show it. */
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'the call should have failed').toBeDefined();
  return { error, shown: classifyAdminError(error) };
}

beforeAll(async () => {
  store = await createTestStore({ productCount: 30 });
  closer = await store.start();
  inbox = createInboxAdmin(adminDeps());
  const ownerMember = await member(store.workspaceId, 'owner');
  owner = ownerMember.actor;
  agent = (await member(store.workspaceId, 'agent')).actor;
  viewer = (await member(store.workspaceId, 'viewer')).actor;
  const team = await createTeam(identityDeps(), 'Another Shop');
  otherWorkspace = {
    actor: { workspaceId: team.workspaceId, userId: team.owner.id, role: 'owner', displayName: 'Other owner' },
    conversationId: await conversation(team.workspaceId, 'waiting', [['shopper', 'Hello from elsewhere']]),
  };
  const agentTokenDeps = { prisma: prisma(), secret: closer.secret };
  watcher = await connectAgent(closer.url, (await issueAgentToken(agentTokenDeps, ownerMember.token)).token);
});
afterAll(async () => {
  watcher?.close();
  await store.drop();
});

describe('the conversation list', () => {
  it('filters by who is answering, counts every filter, and previews the last message but not notes', async () => {
    const ai = await conversation(store.workspaceId, 'ai', [
      ['shopper', 'Do you ship to Norway?'],
      ['assistant', 'Yes, we ship to Norway.'],
      ['note', 'Check the customs rules'],
    ]);
    const waiting = await conversation(store.workspaceId, 'waiting', [['shopper', 'A person, please']]);
    const mine = await conversation(store.workspaceId, 'human', [['agent', 'Hi, I am here']], {
      assignedUserId: agent.userId,
    });
    const someoneElses = await conversation(store.workspaceId, 'human', [], { assignedUserId: owner.userId });
    const closedMine = await conversation(store.workspaceId, 'closed', [], { assignedUserId: agent.userId });

    const ids = async (filter: string) =>
      (await inbox.listConversations(agent, { filter })).rows.map((row) => row.id).filter((id) => created.has(id));
    const created = new Set([ai, waiting, mine, someoneElses, closedMine]);
    expect(await ids('ai')).toEqual([ai]);
    expect(await ids('waiting')).toEqual([waiting]);
    expect(await ids('mine')).toEqual([mine]);
    expect(await ids('closed')).toEqual([closedMine]);
    expect(new Set(await ids('all'))).toEqual(created);
    // An unknown filter in the URL shows everything rather than an error page.
    expect(new Set(await ids('nonsense'))).toEqual(created);

    const { rows, counts } = await inbox.listConversations(agent, { filter: 'all' });
    expect(rows.find((row) => row.id === ai)?.preview).toEqual({ role: 'assistant', text: 'Yes, we ship to Norway.' });
    expect(rows.find((row) => row.id === someoneElses)?.preview).toBeNull();
    const statuses = await prisma().conversation.groupBy({
      by: ['status'],
      where: { workspaceId: store.workspaceId },
      _count: true,
    });
    const byStatus = (status: string) => statuses.find((row) => row.status === status)?._count ?? 0;
    expect(counts).toEqual({
      all: statuses.reduce((sum, row) => sum + row._count, 0),
      ai: byStatus('ai'),
      waiting: byStatus('waiting'),
      closed: byStatus('closed'),
      mine: 1,
    });
    // Never another workspace's conversation.
    expect(rows.map((row) => row.id)).not.toContain(otherWorkspace.conversationId);
  });

  it('pages newest activity first without repeating or skipping, and refuses a forged cursor', async () => {
    const seen: string[] = [];
    let after: { lastMessageAt: Date; id: string } | undefined;
    for (;;) {
      const page = await listInboxPage(prisma(), store.workspaceId, { filter: 'all', userId: null, after, limit: 2 });
      seen.push(...page.rows.map((row) => row.id));
      const last = page.rows.at(-1);
      if (!page.nextCursor || !last) break;
      after = { lastMessageAt: new Date(last.lastMessageAt), id: last.id };
    }
    const expected = await prisma().conversation.findMany({
      where: { workspaceId: store.workspaceId },
      orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    expect(seen).toEqual(expected.map((row) => row.id));

    const { shown } = await failure(inbox.listConversations(agent, { cursor: 'bm90LWEtY3Vyc29y' }));
    expect(shown).toMatchObject({ status: 400, message: expect.stringContaining('start again') });
  });
});

describe('one conversation', () => {
  it('shows the transcript with notes, cards and tool calls, and the shopper’s contact and orders', async () => {
    const order = await prisma().order.findFirstOrThrow({
      where: { workspaceId: store.workspaceId, email: { not: null } },
      orderBy: { placedAt: 'desc' },
    });
    const contact = await prisma().contact.upsert({
      where: { workspaceId_email: { workspaceId: store.workspaceId, email: (order.email as string).toLowerCase() } },
      create: { workspaceId: store.workspaceId, email: (order.email as string).toLowerCase(), source: 'widget' },
      update: {},
    });
    const card = { id: randomUUID(), title: 'Alpine Jacket', price: '129.00', currency: 'USD' };
    const id = await conversation(
      store.workspaceId,
      'human',
      [
        ['shopper', 'Any jackets?'],
        [
          'assistant',
          'The Alpine Jacket.',
          {
            products: [card],
            toolRounds: [
              {
                calls: [{ id: 'call-1', name: 'search_products', args: { query: 'jacket' } }],
                results: [{ toolCallId: 'call-1', name: 'search_products', result: { products: [card] } }],
              },
            ],
          },
        ],
        ['tool', '', {}],
        ['note', 'Wants it by Friday'],
      ],
      { contactId: contact.id },
    );
    const found = await inbox.getConversation(viewer, id);
    expect(found.messages.map((message) => [message.seq, message.role])).toEqual([
      [1, 'shopper'],
      [2, 'assistant'],
      [4, 'note'],
    ]);
    const reply = found.messages[1];
    expect(reply?.products).toEqual([card]);
    expect(reply?.toolCalls).toMatchObject([{ id: 'call-1', name: 'search_products', args: { query: 'jacket' } }]);
    expect(JSON.parse(reply?.toolCalls[0]?.result ?? 'null')).toEqual({ products: [card] });
    expect(found.conversation.contact).toMatchObject({ id: contact.id, email: contact.email });
    expect(found.orders.map((shown) => shown.number)).toContain(order.number);
    expect(found.hasEarlier).toBe(false);
  });

  it('is not found in another workspace, nor with a malformed id', async () => {
    const foreign = otherWorkspace.conversationId;
    for (const call of [
      () => inbox.getConversation(agent, foreign),
      () => inbox.getConversation(agent, 'not-a-uuid'),
      () => inbox.takeOver(agent, foreign),
      () => inbox.handBack(agent, 'not-a-uuid'),
      () => inbox.reply(agent, { conversationId: foreign, clientId: randomUUID(), text: 'Hi' }),
      () => inbox.assign(agent, { conversationId: foreign, userId: agent.userId }),
      () => inbox.suggestReply(agent, foreign),
      () => inbox.summarize(agent, foreign),
    ]) {
      expect((await failure(call())).shown?.status).toBe(404);
    }
    const untouched = await prisma().conversation.findUniqueOrThrow({ where: { id: otherWorkspace.conversationId } });
    expect(untouched).toMatchObject({ status: 'waiting', assignedUserId: null });
  });
});

describe('acting on a conversation', () => {
  it('takes over, replies, notes, hands back and closes; the shopper hears all but the note', async () => {
    const shopper = await connectShopper(closer.url, { key: store.widgetKey });
    const { conversationId } = await shopper.call('message.send', {
      clientId: randomUUID(),
      text: 'Can I talk to a real person?',
    });
    await shopper.waitFor('conversation.updated', (payload) => payload.status === 'waiting');

    expect(await inbox.takeOver(agent, conversationId)).toEqual({ status: 'human' });
    await shopper.waitFor('conversation.updated', (payload) => payload.status === 'human' && payload.agentName);

    const clientId = randomUUID();
    const reply = await inbox.reply(agent, { conversationId, clientId, text: '  Hi, I can help!  ' });
    expect(reply).toMatchObject({ role: 'agent', text: 'Hi, I can help!', authorUserId: agent.userId });
    // The same form posted twice (a double click) is one message.
    expect((await inbox.reply(agent, { conversationId, clientId, text: 'Hi, I can help!' })).id).toBe(reply.id);
    await shopper.waitFor('message.created', (payload) => payload.message.text === 'Hi, I can help!');

    const note = await inbox.reply(agent, { conversationId, clientId: randomUUID(), text: 'VIP', internal: true });
    expect(note.role).toBe('note');
    await watcher.waitFor('message.created', (payload) => payload.message.id === note.id);

    expect(await inbox.handBack(agent, conversationId)).toEqual({ status: 'ai' });
    await shopper.waitFor('conversation.updated', (payload) => payload.status === 'ai');
    expect(await inbox.close(agent, conversationId)).toEqual({ status: 'closed' });
    await shopper.waitFor('conversation.updated', (payload) => payload.status === 'closed');
    expect(shopper.received.some((entry) => JSON.stringify(entry.payload).includes('VIP'))).toBe(false);

    // Closed: the shopper is gone, but the team may still leave notes.
    const { shown } = await failure(inbox.reply(agent, { conversationId, clientId: randomUUID(), text: 'Hello?' }));
    expect(shown).toMatchObject({ status: 409 });
    await inbox.reply(agent, { conversationId, clientId: randomUUID(), text: 'Follow up Monday', internal: true });
    const { shown: empty } = await failure(
      inbox.reply(agent, { conversationId, clientId: randomUUID(), text: '   ', internal: true }),
    );
    expect(empty).toMatchObject({ status: 400, fieldErrors: { text: 'Write something first.' } });
    shopper.close();
  });

  it('assigns only to members of the same team who may answer, and every inbox hears it', async () => {
    const id = await conversation(store.workspaceId, 'waiting', [['shopper', 'Hello?']]);
    expect(await inbox.assign(owner, { conversationId: id, userId: agent.userId })).toEqual({
      assignedUserId: agent.userId,
    });
    await watcher.waitFor(
      'conversation.assigned',
      (payload) => payload.conversationId === id && payload.assignedUserId === agent.userId,
    );
    expect((await inbox.listConversations(agent, { filter: 'mine' })).rows.map((row) => row.id)).toContain(id);

    for (const userId of [viewer.userId, otherWorkspace.actor.userId, randomUUID()]) {
      const { shown } = await failure(inbox.assign(owner, { conversationId: id, userId }));
      expect(shown).toMatchObject({ status: 404, message: expect.stringContaining('not a member') });
    }
    expect((await failure(inbox.assign(owner, { conversationId: id, userId: 'someone' }))).shown?.status).toBe(400);

    expect(await inbox.assign(owner, { conversationId: id, userId: null })).toEqual({ assignedUserId: null });
    const stored = await prisma().conversation.findUniqueOrThrow({ where: { id } });
    expect(stored.assignedUserId).toBeNull();
  });

  it('lets a viewer read everything and do nothing', async () => {
    const id = await conversation(store.workspaceId, 'waiting', [['shopper', 'Anyone there?']]);
    expect((await inbox.getConversation(viewer, id)).conversation.id).toBe(id);
    for (const call of [
      () => inbox.takeOver(viewer, id),
      () => inbox.handBack(viewer, id),
      () => inbox.close(viewer, id),
      () => inbox.reply(viewer, { conversationId: id, clientId: randomUUID(), text: 'Hi' }),
      () => inbox.reply(viewer, { conversationId: id, clientId: randomUUID(), text: 'note', internal: true }),
      () => inbox.assign(viewer, { conversationId: id, userId: viewer.userId }),
      () => inbox.suggestReply(viewer, id),
      () => inbox.summarize(viewer, id),
    ]) {
      expect((await failure(call())).shown?.status).toBe(403);
    }
    const stored = await prisma().conversation.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: 'waiting', assignedUserId: null, lastSeq: 1, summary: null });
  });
});

describe('the AI helpers, offline', () => {
  it('suggests a grounded answer to an open question, stores nothing, and records the usage', async () => {
    const product = await prisma().product.findFirstOrThrow({
      where: { workspaceId: store.workspaceId, status: 'active' },
      orderBy: { title: 'asc' },
    });
    const id = await conversation(store.workspaceId, 'waiting', [
      ['shopper', 'Can I talk to a real person?'],
      ['assistant', 'I have asked a member of our team to join.'],
      ['shopper', `Do you have the ${product.title}?`],
    ]);
    const usageBefore = await prisma().aiUsage.count({ where: { workspaceId: store.workspaceId } });
    const suggestion = await inbox.suggestReply(agent, id);
    expect(suggestion.source).toBe('model');
    expect(suggestion.text).toMatch(new RegExp(`^Hi, I'm ${agent.displayName} from the .+ team\\.`));
    expect(suggestion.text).toContain(product.title);
    expect(await prisma().message.count({ where: { conversationId: id } })).toBe(3);
    const usage = await prisma().aiUsage.findMany({
      where: { workspaceId: store.workspaceId },
      orderBy: { createdAt: 'asc' },
      skip: usageBefore,
    });
    expect(usage.length).toBeGreaterThan(0);
    expect(usage.every((row) => row.task === 'assistant.reply' && row.provider === 'offline')).toBe(true);
  });

  it('falls back to a greeting when there is nothing to look up, and refuses an empty conversation', async () => {
    const answered = await conversation(store.workspaceId, 'waiting', [
      ['shopper', 'Can I talk to a real person?'],
      ['assistant', 'I have asked a member of our team to join.'],
    ]);
    expect(await inbox.suggestReply(owner, answered)).toEqual({
      text: `Hi, I'm ${owner.displayName} from the ${(await prisma().workspace.findUniqueOrThrow({ where: { id: store.workspaceId } })).name} team. How can I help you today?`,
      source: 'template',
    });
    const empty = await conversation(store.workspaceId, 'ai');
    expect((await failure(inbox.suggestReply(agent, empty))).shown).toMatchObject({ status: 409 });
    expect((await failure(inbox.summarize(agent, empty))).shown).toMatchObject({ status: 409 });
  });

  it('summarises a conversation on demand', async () => {
    const id = await conversation(store.workspaceId, 'human', [['shopper', 'Where is my parcel?']]);
    const analysis = await inbox.summarize(agent, id);
    const stored = await prisma().conversation.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ summary: analysis.summary, intent: analysis.intent, sentiment: analysis.sentiment });
    expect(stored.analyzedAt).toBeInstanceOf(Date);
  });
});
