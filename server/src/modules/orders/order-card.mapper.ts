import { formatMinorUnits } from '../catalog';
import type { OrderCard } from '../conversations';
import type { OrderWithLines } from './orders.model';

/**
 * The card a shopper sees: status, date, items, total and tracking. Never the
 * address, the customer's name or email, or anything about other customers.
 */
export function toOrderCard(order: OrderWithLines): OrderCard {
  const hasTracking = Boolean(order.trackingCompany || order.trackingNumber || order.trackingUrl);
  return {
    number: order.number,
    status: order.status,
    placedAt: order.placedAt.toISOString(),
    total: formatMinorUnits(order.totalCents, order.currency),
    currency: order.currency.trim().toUpperCase(),
    items: order.lines.map((line) => ({ title: line.title, quantity: line.quantity })),
    tracking: hasTracking
      ? {
          ...(order.trackingCompany ? { carrier: order.trackingCompany } : {}),
          ...(order.trackingNumber ? { number: order.trackingNumber } : {}),
          ...(order.trackingUrl && /^https?:\/\//i.test(order.trackingUrl) ? { url: order.trackingUrl } : {}),
        }
      : null,
  };
}
