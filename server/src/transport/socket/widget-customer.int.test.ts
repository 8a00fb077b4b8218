import { RequestType, setUpValidRequest } from '@shopify/shopify-api/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Closer } from '../../app';
import { issueCustomerToken } from '../../modules/conversations';
import { connectShopper, createTestStore, type TestClient, type TestStore } from '../../testing/closer-harness';

/**
 * A signed-in Shopify customer, end to end: the app proxy (signed the way
 * Shopify signs it) hands out a customer token, a real Socket.IO client
 * connects with it, and the offline assistant answers order questions from
 * that customer's own orders only. No part of the server is replaced.
 */
const apiSecret = 'shpss_widget_customer_0123456789';
const shop = 'demo-outfitters-s3';
const ana = { externalId: 'gid://shopify/Customer/880101', numeric: '880101', email: 'ana.customer@example.com' };
const ben = { externalId: 'gid://shopify/Customer/880202', numeric: '880202', email: 'ben.customer@example.com' };

let store: TestStore;
let closer: Closer;
let anaContactId: string;

beforeAll(async () => {
  store = await createTestStore({ productCount: 20 });
  closer = await store.start({ SHOPIFY_API_SECRET: apiSecret, SHOPIFY_APP_URL: 'https://closer.example' });
  const prisma = closer.database.prisma;
  const workspaceId = store.workspaceId;
  await prisma.workspace.update({
    where: { id: workspaceId },
    data: { shopDomain: `${shop}.myshopify.com`, shopifyInstalledAt: new Date() },
  });
  const order = (number: string, placedAt: string, tracking?: string) => ({
    workspaceId,
    number,
    status: tracking ? ('fulfilled' as const) : ('paid' as const),
    currency: 'USD',
    subtotalCents: 12_900,
    totalCents: 13_900,
    placedAt: new Date(placedAt),
    ...(tracking ? { trackingCompany: 'UPS', trackingNumber: tracking } : {}),
    lines: { create: { workspaceId, title: 'Alpine Rain Jacket — M', quantity: 1, unitPriceCents: 12_900 } },
  });
  const anaContact = await prisma.contact.create({
    data: { workspaceId, externalId: ana.externalId, email: ana.email, name: 'Ana', source: 'shopify' },
  });
  anaContactId = anaContact.id;
  await prisma.order.create({
    data: { ...order('#880001', '2026-01-05T10:00:00Z'), contactId: anaContact.id, email: ana.email },
  });
  await prisma.order.create({
    data: { ...order('#880002', '2026-02-07T10:00:00Z', '1ZANA0002'), contactId: anaContact.id, email: ana.email },
  });
  const benContact = await prisma.contact.create({
    data: { workspaceId, externalId: ben.externalId, email: ben.email, name: 'Ben', source: 'shopify' },
  });
  await prisma.order.create({
    data: { ...order('#880003', '2026-03-09T10:00:00Z', '1ZBEN0003'), contactId: benContact.id, email: ben.email },
  });
});
afterAll(async () => store.drop());

/** What the storefront's app embed does: GET /apps/closer/config through Shopify's app proxy. */
async function openStorefront(loggedInCustomerId: string) {
  const forwarded = await setUpValidRequest(
    { type: RequestType.Public, store: shop, apiSecretKey: apiSecret },
    new Request(
      `${closer.url}/apps/closer/config?logged_in_customer_id=${loggedInCustomerId}&path_prefix=%2Fapps%2Fcloser`,
    ),
  );
  const response = await fetch(forwarded.url);
  expect(response.status).toBe(200);
  return (await response.json()) as { widgetKey: string; loaderUrl: string; customerToken?: string };
}

async function ask(shopper: TestClient, text: string) {
  const ack = await shopper.call('message.send', { clientId: crypto.randomUUID(), text });
  expect(ack.ok).toBe(true);
  return shopper.waitFor(
    'message.completed',
    (payload) => payload.conversationId === ack.conversationId && payload.seq > ack.seq,
  );
}

const orderNumbers = (completed: { orders: Array<{ number: string }> }) => completed.orders.map((o) => o.number);

describe('a signed-in Shopify customer in the widget', () => {
  it('gets their latest order without typing its number, and the conversation is filed under them', async () => {
    const embed = await openStorefront(ana.numeric);
    expect(embed.widgetKey).toBe(store.widgetKey);
    expect(embed.loaderUrl).toBe('https://closer.example/widget/loader.js');
    const auth = { key: embed.widgetKey, customerToken: embed.customerToken };
    const shopper = await connectShopper(closer.url, auth);
    const completed = await ask(shopper, 'Where is my order?');
    expect(orderNumbers(completed)).toEqual(['#880002']);
    expect(completed.orders[0]).toMatchObject({ status: 'fulfilled', tracking: { number: '1ZANA0002' } });
    expect(completed.text).toContain('#880002');

    const older = await ask(shopper, 'And what about order #880001?');
    expect(orderNumbers(older)).toEqual(['#880001']);

    const conversation = await closer.database.prisma.conversation.findUniqueOrThrow({
      where: { id: completed.conversationId },
    });
    expect(conversation.contactId).toBe(anaContactId);
    shopper.close();
  });

  it("refuses another customer's order, even by its exact number", async () => {
    const embed = await openStorefront(ana.numeric);
    const auth = { key: embed.widgetKey, customerToken: embed.customerToken };
    const shopper = await connectShopper(closer.url, auth);
    const completed = await ask(shopper, 'Where is order #880003?');
    expect(completed.orders).toEqual([]);
    expect(completed.text).not.toMatch(/1ZBEN0003|fulfilled|139/);
    shopper.close();
  });

  it('treats a forged, expired or foreign customer token as no sign-in at all', async () => {
    const genuine = (await openStorefront(ana.numeric)).customerToken as string;
    const [version, payload, signature] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const asBen = Buffer.from(JSON.stringify({ ...claims, c: ben.externalId })).toString('base64url');
    const hour = 60 * 60 * 1000;
    const tokens = {
      forged: `${version}.${asBen}.${signature}`,
      expired: issueCustomerToken(
        closer.secret,
        { workspaceId: store.workspaceId, shopifyCustomerId: ana.externalId },
        Date.now() - 2 * hour,
      ).token,
      foreign: issueCustomerToken(
        closer.secret,
        { workspaceId: '00000000-0000-4000-8000-000000000000', shopifyCustomerId: ana.externalId },
        Date.now(),
      ).token,
      otherSecret: issueCustomerToken(
        'another-closer-secret-0123456789abcdef',
        { workspaceId: store.workspaceId, shopifyCustomerId: ana.externalId },
        Date.now(),
      ).token,
    };
    for (const [kind, customerToken] of Object.entries(tokens)) {
      const shopper = await connectShopper(closer.url, { key: store.widgetKey, customerToken } as { key: string });
      const latest = await ask(shopper, 'Where is my order?');
      expect(orderNumbers(latest), kind).toEqual([]);
      expect(latest.text, kind).not.toMatch(/#88000[123]|1ZANA|1ZBEN/);
      const byNumber = await ask(shopper, 'Where is order #880002?');
      expect(orderNumbers(byNumber), kind).toEqual([]);
      expect(byNumber.text, kind).toMatch(/email address/);
      shopper.close();
    }
  });

  it('an anonymous shopper gets no customer token and still needs the number and the email', async () => {
    const embed = await openStorefront('');
    expect(embed.customerToken).toBeUndefined();
    const shopper = await connectShopper(closer.url, { key: embed.widgetKey });
    expect(orderNumbers(await ask(shopper, 'Where is my order?'))).toEqual([]);
    const proven = await ask(shopper, `Where is order #880003? My email is ${ben.email}`);
    expect(orderNumbers(proven)).toEqual(['#880003']);
    shopper.close();
  });
});
