import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, type Field, GraphqlSyntaxError, type Operation, parseOperation, queryCost } from './graphql-lite';

/**
 * A local Shopify that speaks the Admin GraphQL wire protocol for the
 * operations Closer uses: `POST /admin/api/<version>/graphql.json` with
 * `X-Shopify-Access-Token`, products and orders (paginated, with nested
 * connections), counts, bulk operations (polling and a JSONL file with
 * `__parentId` lines), `inventoryItem`, `productUpdate`, the offline-token
 * refresh grant, cost limits and THROTTLED answers. Tests reach it through
 * `fake.fetch`, which sends `https://<shop>.myshopify.com/…` here.
 */
export interface FakeVariant {
  id: string;
  title: string;
  sku: string | null;
  price: string;
  compareAtPrice: string | null;
  position: number;
  inventoryQuantity: number | null;
  selectedOptions: Array<{ name: string; value: string }>;
  inventoryItem: { id: string; tracked: boolean };
}

export interface FakeProduct {
  id: string;
  handle: string;
  title: string;
  descriptionHtml: string;
  vendor: string | null;
  productType: string | null;
  tags: string[];
  status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED';
  createdAt: string;
  updatedAt: string;
  options: Array<{ name: string; position: number; values: string[] }>;
  featuredMedia: { preview: { image: { url: string } } } | null;
  seo: { title: string | null; description: string | null };
  variants: FakeVariant[];
}

export interface FakeLineItem {
  id: string;
  title: string;
  name: string;
  sku: string | null;
  quantity: number;
  originalUnitPriceSet: { shopMoney: { amount: string; currencyCode: string } };
  product: { id: string } | null;
  variant: { id: string } | null;
}

export interface FakeOrder {
  id: string;
  name: string;
  email: string | null;
  currencyCode: string;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  displayFinancialStatus: string;
  displayFulfillmentStatus: string;
  subtotalPriceSet: { shopMoney: { amount: string; currencyCode: string } };
  totalDiscountsSet: { shopMoney: { amount: string; currencyCode: string } };
  totalPriceSet: { shopMoney: { amount: string; currencyCode: string } };
  customAttributes: Array<{ key: string; value: string }>;
  shippingAddress: { city: string; province: string; provinceCode: string; countryCodeV2: string } | null;
  customer: {
    id: string;
    firstName: string;
    lastName: string;
    defaultEmailAddress: { emailAddress: string } | null;
    defaultPhoneNumber: { phoneNumber: string } | null;
  } | null;
  fulfillments: Array<{ trackingInfo: Array<{ company: string; number: string; url: string }> }>;
  lineItems: FakeLineItem[];
}

export interface FakeShop {
  accessToken: string;
  scope?: string;
  products: FakeProduct[];
  orders: FakeOrder[];
  /** The refresh token that `/admin/oauth/access_token` accepts (expiring offline tokens). */
  refreshToken?: string;
}

interface FakeBulkOperation {
  id: string;
  shop: string;
  operation: Operation;
  groupObjects: boolean;
  polls: number;
  status: 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  errorCode: string | null;
  file?: string;
  objectCount: number;
  rootObjectCount: number;
}

export interface RecordedOperation {
  shop: string;
  apiVersion: string;
  name: string | undefined;
  variables: Record<string, unknown>;
}

export interface FakeAdminGraphql {
  url: string;
  /** A fetch that sends *.myshopify.com requests to this server and everything else where it was going. */
  fetch: typeof fetch;
  shops: Map<string, FakeShop>;
  operations: RecordedOperation[];
  productUpdates: Array<{ shop: string; input: Record<string, unknown> }>;
  bulkOperations: FakeBulkOperation[];
  /** How many polls a bulk operation stays RUNNING before it completes. */
  bulkPollsUntilDone: number;
  /** The next bulk operation fails with this error code. */
  failNextBulkWith: string | null;
  /** The next N operations are answered THROTTLED. */
  throttleNext: number;
  /** productUpdate answers these userErrors for these product GIDs. */
  productUpdateErrors: Map<string, Array<{ field: string[]; message: string }>>;
  /** Sees each operation first; an HTTP status it returns is the answer (a 500 mid-sync). */
  interceptor?: (operation: RecordedOperation) => number | undefined | Promise<number | undefined>;
  close(): Promise<void>;
}

export const fakeApiCredentials = { apiKey: 'fake-api-key', apiSecret: 'fake-api-secret' };
const maxQueryCost = 1000;

export async function startFakeAdminGraphql(shops: Record<string, FakeShop>): Promise<FakeAdminGraphql> {
  let bulkSequence = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendJson(response, 500, { errors: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeAdminGraphql = {
    url,
    fetch: (input, init) => {
      const target = new URL(input instanceof Request ? input.url : String(input));
      if (!target.hostname.endsWith('.myshopify.com')) return fetch(input, init);
      return fetch(`${url}/${target.hostname}${target.pathname}${target.search}`, init);
    },
    shops: new Map(Object.entries(shops)),
    operations: [],
    productUpdates: [],
    bulkOperations: [],
    bulkPollsUntilDone: 2,
    failNextBulkWith: null,
    throttleNext: 0,
    productUpdateErrors: new Map(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', url).pathname;
    const bulkFile = /^\/bulk\/(\d+)\.jsonl$/.exec(path);
    if (request.method === 'GET' && bulkFile) {
      const operation = fake.bulkOperations.find((bulk) => bulk.id.endsWith(`/${bulkFile[1]}`));
      if (!operation?.file) return sendJson(response, 404, { error: 'not found' });
      response.writeHead(200, { 'content-type': 'application/jsonl' });
      response.end(operation.file);
      return;
    }
    const route = /^\/([a-z0-9-]+\.myshopify\.com)\/admin\/(?:api\/([^/]+)\/graphql\.json|oauth\/access_token)$/.exec(
      path,
    );
    const shop = route ? fake.shops.get(route[1] as string) : undefined;
    if (!route || !shop || request.method !== 'POST') return sendJson(response, 404, { errors: 'Not Found' });
    const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
    if (!route[2]) return refreshToken(response, shop, body);
    if (request.headers['x-shopify-access-token'] !== shop.accessToken) {
      return sendJson(response, 401, {
        errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
      });
    }
    const variables = (body.variables ?? {}) as Record<string, unknown>;
    let operation: Operation;
    try {
      operation = parseOperation(String(body.query ?? ''));
    } catch (error) {
      if (!(error instanceof GraphqlSyntaxError)) throw error;
      return sendJson(response, 200, { errors: [{ message: error.message, extensions: { code: 'PARSE_ERROR' } }] });
    }
    const recorded = { shop: route[1] as string, apiVersion: route[2], name: operation.name, variables };
    fake.operations.push(recorded);
    const failure = await fake.interceptor?.(recorded);
    if (failure) return sendJson(response, failure, { errors: 'Internal Server Error' });
    const cost = operation.type === 'mutation' ? 10 : queryCost(operation.selection, variables);
    const throttleStatus = { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 1000 };
    if (fake.throttleNext > 0) {
      fake.throttleNext--;
      return sendJson(response, 200, {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
        extensions: {
          cost: { requestedQueryCost: cost, throttleStatus: { ...throttleStatus, currentlyAvailable: 0 } },
        },
      });
    }
    if (cost > maxQueryCost) {
      return sendJson(response, 200, {
        errors: [
          {
            message: `Query cost is ${cost}, which exceeds the single query max cost limit (${maxQueryCost}).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: maxQueryCost },
          },
        ],
      });
    }
    const root =
      operation.type === 'mutation' ? mutationRoot(route[1] as string, shop) : queryRoot(route[1] as string, shop);
    const data = execute(operation.selection, root, variables);
    sendJson(response, 200, { data, extensions: { cost: { requestedQueryCost: cost, throttleStatus } } });
  }

  function refreshToken(response: ServerResponse, shop: FakeShop, body: Record<string, unknown>): void {
    const valid =
      body.client_id === fakeApiCredentials.apiKey &&
      body.client_secret === fakeApiCredentials.apiSecret &&
      body.grant_type === 'refresh_token' &&
      shop.refreshToken !== undefined &&
      body.refresh_token === shop.refreshToken;
    if (!valid) {
      sendJson(response, 400, { error: 'invalid_grant' });
      return;
    }
    shop.accessToken = `shpat_${Math.random().toString(36).slice(2)}`;
    shop.refreshToken = `shprt_${Math.random().toString(36).slice(2)}`;
    sendJson(response, 200, {
      access_token: shop.accessToken,
      scope: shop.scope ?? 'read_products,write_products,read_orders',
      expires_in: 3600,
      refresh_token: shop.refreshToken,
      refresh_token_expires_in: 7_776_000,
    });
  }

  function queryRoot(shopDomain: string, shop: FakeShop) {
    const bulkView = (bulk: FakeBulkOperation) => {
      if (bulk.status === 'CREATED' || bulk.status === 'RUNNING') advanceBulk(bulk, shop);
      return {
        id: bulk.id,
        status: bulk.status,
        errorCode: bulk.errorCode,
        objectCount: String(bulk.objectCount),
        rootObjectCount: String(bulk.rootObjectCount),
        url: bulk.file ? `${url}/bulk/${bulk.id.split('/').pop()}.jsonl` : null,
        partialDataUrl: null,
      };
    };
    const findVariant = (id: unknown) =>
      shop.products.flatMap((product) => product.variants).find((variant) => variant.inventoryItem.id === id);
    return {
      products: (args: Record<string, unknown>) => connection(shop.products.map(productView), args),
      productsCount: () => ({ count: shop.products.length, precision: 'EXACT' }),
      orders: (args: Record<string, unknown>) => connection(shop.orders.map(orderView), args),
      ordersCount: () => ({ count: shop.orders.length, precision: 'EXACT' }),
      product: ({ id }: Record<string, unknown>) => {
        const product = shop.products.find((candidate) => candidate.id === id);
        return product ? productView(product) : null;
      },
      order: ({ id }: Record<string, unknown>) => {
        const order = shop.orders.find((candidate) => candidate.id === id);
        return order ? orderView(order) : null;
      },
      node: ({ id }: Record<string, unknown>) => {
        const bulk = fake.bulkOperations.find((candidate) => candidate.id === id && candidate.shop === shopDomain);
        return bulk ? bulkView(bulk) : null;
      },
      inventoryItem: ({ id }: Record<string, unknown>) => {
        const variant = findVariant(id);
        return variant ? { ...variant.inventoryItem, variant: variantView(variant) } : null;
      },
    };
  }

  function mutationRoot(shopDomain: string, shop: FakeShop) {
    return {
      bulkOperationRunQuery: ({ query, groupObjects }: Record<string, unknown>) => {
        let operation: Operation;
        try {
          operation = parseOperation(String(query));
        } catch (error) {
          return { bulkOperation: null, userErrors: [{ field: ['query'], message: String(error), code: 'INVALID' }] };
        }
        const bulk: FakeBulkOperation = {
          id: `gid://shopify/BulkOperation/${++bulkSequence}`,
          shop: shopDomain,
          operation,
          groupObjects: groupObjects === true,
          polls: 0,
          status: 'CREATED',
          errorCode: null,
          objectCount: 0,
          rootObjectCount: 0,
        };
        fake.bulkOperations.push(bulk);
        return {
          bulkOperation: { id: bulk.id, status: bulk.status, errorCode: null, objectCount: '0', rootObjectCount: '0' },
          userErrors: [],
        };
      },
      productUpdate: ({ product: input }: Record<string, unknown>) => {
        const update = (input ?? {}) as { id?: string; descriptionHtml?: string; seo?: FakeProduct['seo'] };
        fake.productUpdates.push({ shop: shopDomain, input: update as Record<string, unknown> });
        const product = shop.products.find((candidate) => candidate.id === update.id);
        const scripted = update.id ? fake.productUpdateErrors.get(update.id) : undefined;
        if (!product || scripted) {
          return { product: null, userErrors: scripted ?? [{ field: ['id'], message: 'Product does not exist' }] };
        }
        if (update.descriptionHtml !== undefined) product.descriptionHtml = update.descriptionHtml;
        if (update.seo) product.seo = { ...product.seo, ...update.seo };
        product.updatedAt = new Date().toISOString();
        return { product: productView(product), userErrors: [] };
      },
    };
  }

  /** Each poll moves a bulk operation on; on completion its file is written from the shop's data. */
  function advanceBulk(bulk: FakeBulkOperation, shop: FakeShop): void {
    bulk.polls++;
    if (bulk.polls < fake.bulkPollsUntilDone) {
      bulk.status = 'RUNNING';
      return;
    }
    if (fake.failNextBulkWith) {
      bulk.status = 'FAILED';
      bulk.errorCode = fake.failNextBulkWith;
      fake.failNextBulkWith = null;
      return;
    }
    const lines = bulkLines(bulk.operation.selection, queryRoot(bulk.shop, shop), bulk.groupObjects);
    bulk.status = 'COMPLETED';
    bulk.objectCount = lines.length;
    bulk.rootObjectCount = lines.filter((line) => !('__parentId' in line)).length;
    bulk.file = lines.length ? `${lines.map((line) => JSON.stringify(line)).join('\n')}\n` : undefined;
  }

  return fake;
}

function productView(product: FakeProduct) {
  return {
    ...product,
    variants: (args: Record<string, unknown>) => connection(product.variants.map(variantView), args),
  };
}

function variantView(variant: FakeVariant) {
  return { ...variant };
}

function orderView(order: FakeOrder) {
  return {
    ...order,
    lineItems: (args: Record<string, unknown>) => connection(order.lineItems, args),
    fulfillments: ({ first }: Record<string, unknown>) =>
      order.fulfillments.slice(0, typeof first === 'number' ? first : undefined).map((fulfillment) => ({
        trackingInfo: ({ first: count }: Record<string, unknown>) =>
          fulfillment.trackingInfo.slice(0, typeof count === 'number' ? count : undefined),
      })),
  };
}

/** A Relay connection over a list; without `first` (a bulk query) it holds everything. */
function connection<Node>(list: Node[], args: Record<string, unknown>) {
  const start = typeof args.after === 'string' ? Number(args.after.replace('cursor:', '')) + 1 : 0;
  const first = typeof args.first === 'number' ? args.first : list.length;
  const slice = list.slice(start, start + first);
  const cursor = (index: number) => `cursor:${start + index}`;
  return {
    nodes: slice,
    edges: slice.map((node, index) => ({ node, cursor: cursor(index) })),
    pageInfo: {
      hasNextPage: start + slice.length < list.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length ? cursor(0) : null,
      endCursor: slice.length ? cursor(slice.length - 1) : null,
    },
  };
}

/**
 * The JSONL Shopify writes for a bulk query: one line per node of the root
 * connection, and one per node of each nested connection with `__parentId`;
 * grouped, the nested lines follow their parent, otherwise they come after all parents.
 */
function bulkLines(selection: Field[], root: unknown, grouped: boolean): Array<Record<string, unknown>> {
  const result = execute(selection, root, {}) as Record<string, unknown>;
  const top = Object.values(result)[0] as Record<string, unknown> | null;
  const parents: Array<Record<string, unknown>> = [];
  const children: Array<Record<string, unknown>> = [];
  const ordered: Array<Record<string, unknown>> = [];
  for (const node of connectionNodes(top)) {
    const line: Record<string, unknown> = {};
    const nested: Array<Record<string, unknown>> = [];
    for (const [key, value] of Object.entries(node)) {
      const inner = connectionNodes(value);
      if (isConnection(value)) nested.push(...inner.map((child) => ({ ...child, __parentId: node.id })));
      else line[key] = value;
    }
    parents.push(line);
    children.push(...nested);
    ordered.push(line, ...nested);
  }
  return grouped ? ordered : [...parents, ...children];
}

function isConnection(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ('edges' in value || 'nodes' in value);
}

function connectionNodes(value: unknown): Array<Record<string, unknown>> {
  if (!isConnection(value)) return [];
  const connection = value as {
    edges?: Array<{ node: Record<string, unknown> }>;
    nodes?: Array<Record<string, unknown>>;
  };
  return connection.nodes ?? (connection.edges ?? []).map((edge) => edge.node);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
