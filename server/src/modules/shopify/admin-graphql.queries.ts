/**
 * The Admin GraphQL operations Closer sends (API 2026-10), with the shapes
 * of their answers. Every operation is named: the fake Shopify in tests, and
 * Shopify's own logs, tell them apart by name. Product and order selections
 * are shared by the paginated queries and the bulk queries, so both paths
 * read the same fields.
 */
const productFields = `#graphql
  id
  handle
  title
  descriptionHtml
  vendor
  productType
  tags
  status
  createdAt
  updatedAt
  options { name position }
  featuredMedia { preview { image { url } } }`;

const variantFields = `#graphql
  id
  title
  sku
  price
  compareAtPrice
  position
  inventoryQuantity
  selectedOptions { name value }
  inventoryItem { id tracked }`;

const orderFields = `#graphql
  id
  name
  email
  currencyCode
  createdAt
  processedAt
  updatedAt
  cancelledAt
  displayFinancialStatus
  displayFulfillmentStatus
  subtotalPriceSet { shopMoney { amount } }
  totalDiscountsSet { shopMoney { amount } }
  totalPriceSet { shopMoney { amount } }
  customAttributes { key value }
  shippingAddress { city province provinceCode countryCodeV2 }
  customer { id firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }
  fulfillments(first: 5) { trackingInfo(first: 1) { company number url } }`;

const lineItemFields = `#graphql
  title
  name
  sku
  quantity
  originalUnitPriceSet { shopMoney { amount } }
  product { id }
  variant { id }`;

const pageInfo = 'pageInfo { hasNextPage endCursor }';

export const shopCountsQuery = `#graphql
  query SyncCounts {
    productsCount(limit: null) { count }
    ordersCount(limit: null) { count }
  }`;

export const productsPageQuery = `#graphql
  query SyncProducts($first: Int!, $after: String, $childrenFirst: Int!) {
    products(first: $first, after: $after, sortKey: ID) {
      nodes {
        ${productFields}
        variants(first: $childrenFirst) { nodes { ${variantFields} } ${pageInfo} }
      }
      ${pageInfo}
    }
  }`;

/** The rest of a product's variants when it has more than one page of them. */
export const productVariantsQuery = `#graphql
  query SyncProductVariants($id: ID!, $first: Int!, $after: String) {
    product(id: $id) { variants(first: $first, after: $after) { nodes { ${variantFields} } ${pageInfo} } }
  }`;

export const ordersPageQuery = `#graphql
  query SyncOrders($first: Int!, $after: String, $childrenFirst: Int!) {
    orders(first: $first, after: $after, sortKey: ID) {
      nodes {
        ${orderFields}
        lineItems(first: $childrenFirst) { nodes { ${lineItemFields} } ${pageInfo} }
      }
      ${pageInfo}
    }
  }`;

export const orderLineItemsQuery = `#graphql
  query SyncOrderLineItems($id: ID!, $first: Int!, $after: String) {
    order(id: $id) { lineItems(first: $first, after: $after) { nodes { ${lineItemFields} } ${pageInfo} } }
  }`;

/** Bulk queries take no page sizes: Shopify walks every connection itself. */
export const productsBulkQuery = `{
  products {
    edges { node {
      ${productFields}
      variants { edges { node { ${variantFields} } } }
    } }
  }
}`;

export const ordersBulkQuery = `{
  orders {
    edges { node {
      ${orderFields}
      lineItems { edges { node { ${lineItemFields} } } }
    } }
  }
}`;

const bulkOperationFields = 'id status errorCode objectCount rootObjectCount url partialDataUrl';

/** Grouped output puts each product's variants right under it, so the file can be read as a stream. */
export const runBulkQueryMutation = `#graphql
  mutation SyncRunBulkQuery($query: String!) {
    bulkOperationRunQuery(query: $query, groupObjects: true) {
      bulkOperation { ${bulkOperationFields} }
      userErrors { field message code }
    }
  }`;

export const bulkOperationQuery = `#graphql
  query SyncBulkOperation($id: ID!) {
    node(id: $id) { ... on BulkOperation { ${bulkOperationFields} } }
  }`;

export const inventoryItemQuery = `#graphql
  query InventoryItemTotal($id: ID!) {
    inventoryItem(id: $id) { id tracked variant { id inventoryQuantity } }
  }`;

export const productUpdateMutation = `#graphql
  mutation PublishProductContent($product: ProductUpdateInput!) {
    productUpdate(product: $product) {
      product { id }
      userErrors { field message }
    }
  }`;

// ───────────── answers ─────────────

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<Node> {
  nodes: Node[];
  pageInfo: PageInfo;
}

type Money = { shopMoney: { amount: string } } | null;

export interface ProductNode {
  id: string;
  handle: string;
  title: string;
  descriptionHtml: string | null;
  vendor: string | null;
  productType: string | null;
  tags: string[];
  status: string;
  createdAt: string | null;
  updatedAt: string | null;
  options: Array<{ name: string; position: number }> | null;
  featuredMedia: { preview: { image: { url: string } | null } | null } | null;
}

export interface VariantNode {
  id: string;
  title: string;
  sku: string | null;
  price: string;
  compareAtPrice: string | null;
  position: number;
  inventoryQuantity: number | null;
  selectedOptions: Array<{ name: string; value: string }>;
  inventoryItem: { id: string; tracked: boolean } | null;
}

export interface OrderNode {
  id: string;
  name: string;
  email: string | null;
  currencyCode: string;
  createdAt: string;
  processedAt: string | null;
  updatedAt: string | null;
  cancelledAt: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  subtotalPriceSet: Money;
  totalDiscountsSet: Money;
  totalPriceSet: Money;
  customAttributes: Array<{ key: string; value: string | null }>;
  shippingAddress: {
    city: string | null;
    province: string | null;
    provinceCode: string | null;
    countryCodeV2: string | null;
  } | null;
  customer: {
    id: string;
    firstName: string | null;
    lastName: string | null;
    defaultEmailAddress: { emailAddress: string | null } | null;
    defaultPhoneNumber: { phoneNumber: string | null } | null;
  } | null;
  fulfillments: Array<{ trackingInfo: Array<{ company: string | null; number: string | null; url: string | null }> }>;
}

export interface LineItemNode {
  title: string;
  name: string | null;
  sku: string | null;
  quantity: number;
  originalUnitPriceSet: Money;
  product: { id: string } | null;
  variant: { id: string } | null;
}

export interface BulkOperation {
  id: string;
  status: 'CREATED' | 'RUNNING' | 'COMPLETED' | 'CANCELING' | 'CANCELED' | 'FAILED' | 'EXPIRED';
  errorCode: string | null;
  objectCount: string;
  rootObjectCount: string;
  url: string | null;
  partialDataUrl: string | null;
}

export interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}
