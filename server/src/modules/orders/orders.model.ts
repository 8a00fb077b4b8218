import type { Order, OrderLine } from '@prisma/client';
import { z } from 'zod';

export type OrderWithLines = Order & { lines: OrderLine[] };

/** What a shopper gives to prove an order is theirs. */
export const orderLookupSchema = z.object({
  orderNumber: z.string().max(64),
  email: z.string().max(254),
});
export type OrderLookup = z.infer<typeof orderLookupSchema>;

export const orderLimits = { defaultCustomerOrders: 5, maxCustomerOrders: 20 } as const;
