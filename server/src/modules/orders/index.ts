/** Orders: lookups for shoppers who prove an order is theirs, and the cards the widget shows. */
export { toOrderCard } from './order-card.mapper';
export { type OrderLookup, type OrderWithLines, orderLimits, orderLookupSchema } from './orders.model';
export { listOrdersForCustomer, lookupOrder } from './orders.service';
