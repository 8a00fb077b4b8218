/** Orders: lookups for shoppers who prove an order is theirs, and the cards the widget shows. */
export { toOrderCard } from './order-card.mapper';
export { type ListedOrder, listOrders, type OrderListing } from './order-list.repo';
export {
  type OrderBulkRowResult,
  type OrderLineInput,
  OrderLineReferenceError,
  type OrderUpsert,
  orderLineInputSchema,
  orderUpsertSchema,
  orderWriteLimits,
} from './order-write.model';
export { type StoredOrder, type StoredOrderLine, writeOrder } from './order-write.repo';
export { bulkUpsertOrders, toStoredOrder } from './order-write.service';
export { type OrderLookup, type OrderWithLines, orderLimits, orderLookupSchema } from './orders.model';
export { findCustomerOrder, listOrdersForCustomer, lookupOrder } from './orders.service';
