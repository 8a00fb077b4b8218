import type { Prisma } from '@prisma/client';
import type { ShopifyAdminApi } from './admin-graphql.client';
import { ShopifyAdminAccessError, ShopifyGraphqlError } from './admin-graphql.client';
import { orderNodeToPayload, productNodeToPayload } from './admin-graphql.mapper';
import {
  type BulkOperation,
  bulkOperationQuery,
  type Connection,
  type LineItemNode,
  type OrderNode,
  orderLineItemsQuery,
  ordersBulkQuery,
  ordersPageQuery,
  type ProductNode,
  productsBulkQuery,
  productsPageQuery,
  productVariantsQuery,
  runBulkQueryMutation,
  type UserError,
  type VariantNode,
} from './admin-graphql.queries';
import { type BulkRecord, readBulkRecords } from './bulk-result.reader';
import { mapOrder, mapProduct } from './shopify-payload.mapper';
import { upsertShopifyOrder, upsertShopifyProduct } from './shopify-sync.repo';
import type { SyncCheckpoint, SyncKind } from './shopify-sync-run.repo';

/**
 * Where a sync reads a shop from: pages of a paginated query (small shops),
 * or the JSONL file of a bulk operation (large ones). Both yield batches of
 * top-level objects with their nested ones, and the checkpoint that resumes
 * after the batch once it is written.
 */
export type SyncItem = BulkRecord;

export interface SyncBatch {
  items: SyncItem[];
  checkpoint: Omit<SyncCheckpoint, 'step'>;
}

export interface SyncWorkspace {
  id: string;
  currency: string;
  shop: string;
}

interface SyncKindSpec {
  countField: 'productsCount' | 'ordersCount';
  pageQuery: string;
  rootField: 'products' | 'orders';
  childrenQuery: string;
  parentField: 'product' | 'order';
  childrenField: 'variants' | 'lineItems';
  bulkQuery: string;
  write(tx: Prisma.TransactionClient, workspace: SyncWorkspace, item: SyncItem): Promise<unknown>;
}

export const syncKinds: Record<SyncKind, SyncKindSpec> = {
  products: {
    countField: 'productsCount',
    pageQuery: productsPageQuery,
    rootField: 'products',
    childrenQuery: productVariantsQuery,
    parentField: 'product',
    childrenField: 'variants',
    bulkQuery: productsBulkQuery,
    write: (tx, workspace, item) =>
      upsertShopifyProduct(
        tx,
        workspace,
        mapProduct(
          productNodeToPayload(item.node as unknown as ProductNode, item.children as unknown as VariantNode[]),
          workspace.shop,
        ),
      ),
  },
  orders: {
    countField: 'ordersCount',
    pageQuery: ordersPageQuery,
    rootField: 'orders',
    childrenQuery: orderLineItemsQuery,
    parentField: 'order',
    childrenField: 'lineItems',
    bulkQuery: ordersBulkQuery,
    write: (tx, workspace, item) =>
      upsertShopifyOrder(
        tx,
        workspace.id,
        mapOrder(orderNodeToPayload(item.node as unknown as OrderNode, item.children as unknown as LineItemNode[])),
      ),
  },
};

type NodeWithChildren = Record<string, unknown> & { id: string };

/** Pages after `cursor`; a product with more variants (an order with more lines) than one page gets the rest. */
export async function* readPages(
  api: ShopifyAdminApi,
  shop: string,
  spec: SyncKindSpec,
  from: { cursor: string | null },
  sizes: { pageSize: number; childrenPageSize: number },
): AsyncGenerator<SyncBatch> {
  let after = from.cursor;
  for (;;) {
    const data = await api.request<Record<string, Connection<NodeWithChildren>>>(shop, spec.pageQuery, {
      first: sizes.pageSize,
      after,
      childrenFirst: sizes.childrenPageSize,
    });
    const connection = data[spec.rootField];
    if (!connection) throw new ShopifyGraphqlError(`Shopify's answer has no ${spec.rootField}`, []);
    const items: SyncItem[] = [];
    for (const node of connection.nodes) {
      const { [spec.childrenField]: nested, ...fields } = node;
      const children = await readAllChildren(api, shop, spec, node.id, nested as Connection<object>, sizes);
      items.push({ node: fields, children: children as Array<Record<string, unknown>> });
    }
    after = connection.pageInfo.endCursor ?? after;
    yield { items, checkpoint: { mode: 'paginated', cursor: after } };
    if (!connection.pageInfo.hasNextPage) return;
  }
}

async function readAllChildren(
  api: ShopifyAdminApi,
  shop: string,
  spec: SyncKindSpec,
  parentId: string,
  first: Connection<object>,
  sizes: { childrenPageSize: number },
): Promise<object[]> {
  const children = [...first.nodes];
  let page = first.pageInfo;
  while (page.hasNextPage) {
    const data = await api.request<Record<string, Record<string, Connection<object>> | null>>(
      shop,
      spec.childrenQuery,
      {
        id: parentId,
        first: sizes.childrenPageSize,
        after: page.endCursor,
      },
    );
    const next = data[spec.parentField]?.[spec.childrenField];
    if (!next) break;
    children.push(...next.nodes);
    page = next.pageInfo;
  }
  return children;
}

// ───────────── bulk operations ─────────────

export interface BulkPolling {
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  waitLimitMs: number;
  sleep(ms: number): Promise<void>;
}

export async function startBulkOperation(api: ShopifyAdminApi, shop: string, query: string): Promise<string> {
  const data = await api.request<{
    bulkOperationRunQuery: { bulkOperation: BulkOperation | null; userErrors: UserError[] };
  }>(shop, runBulkQueryMutation, { query });
  const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
  if (userErrors.length > 0 || !bulkOperation) {
    throw new ShopifyGraphqlError(
      `Shopify did not start the bulk export: ${userErrors.map((error) => error.message).join('; ') || 'no operation returned'}`,
      userErrors.map((error) => error.code ?? '').filter(Boolean),
    );
  }
  return bulkOperation.id;
}

/** Polls until the operation ends, backing off; a wait past the limit throws so the job is retried and resumes polling. */
export async function waitForBulkOperation(
  api: ShopifyAdminApi,
  shop: string,
  id: string,
  polling: BulkPolling,
): Promise<BulkOperation> {
  const started = Date.now();
  let interval = polling.pollIntervalMs;
  for (;;) {
    const data = await api.request<{ node: BulkOperation | null }>(shop, bulkOperationQuery, { id });
    const operation = data.node;
    if (!operation) throw new ShopifyGraphqlError(`Bulk operation ${id} is not known to Shopify`, []);
    if (!['CREATED', 'RUNNING', 'CANCELING'].includes(operation.status)) {
      if (operation.errorCode === 'ACCESS_DENIED')
        throw new ShopifyAdminAccessError(shop, 'the bulk export was denied');
      return operation;
    }
    if (Date.now() - started > polling.waitLimitMs) {
      throw new ShopifyGraphqlError(`Bulk operation ${id} is still ${operation.status}; will look again`, []);
    }
    await polling.sleep(interval);
    interval = Math.min(polling.maxPollIntervalMs, Math.ceil(interval * 1.5));
  }
}

/** The finished file's records after the first `skip` (written by an earlier attempt), in batches. */
export async function* readBulkBatches(
  api: ShopifyAdminApi,
  url: string,
  options: { skip: number; batchSize: number; bulkOperationId: string },
): AsyncGenerator<SyncBatch> {
  const checkpoint = { mode: 'bulk' as const, bulkOperationId: options.bulkOperationId };
  let skip = options.skip;
  let items: SyncItem[] = [];
  for await (const record of readBulkRecords(await api.download(url))) {
    if (skip > 0) {
      skip--;
      continue;
    }
    items.push(record);
    if (items.length >= options.batchSize) {
      yield { items, checkpoint };
      items = [];
    }
  }
  if (items.length > 0) yield { items, checkpoint };
}
