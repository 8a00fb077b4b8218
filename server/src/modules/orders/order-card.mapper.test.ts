import { describe, expect, it } from 'vitest';
import { toOrderCard } from './order-card.mapper';
import type { OrderWithLines } from './orders.model';

const at = new Date('2026-03-04T10:20:30.000Z');

function order(overrides: Partial<OrderWithLines> = {}): OrderWithLines {
  return {
    id: 'o1',
    workspaceId: 'w',
    externalId: null,
    number: '#1042',
    contactId: 'c1',
    email: 'ana@example.com',
    status: 'fulfilled',
    currency: 'usd',
    subtotalCents: 15800,
    discountCents: 0,
    totalCents: 16495,
    shippingCity: 'Portland',
    shippingRegion: 'OR',
    shippingCountry: 'US',
    trackingCompany: 'UPS',
    trackingNumber: '1Z999',
    trackingUrl: 'https://ups.example/track/1Z999',
    conversationId: null,
    placedAt: at,
    sourceUpdatedAt: null,
    createdAt: at,
    updatedAt: at,
    lines: [
      {
        id: 'l1',
        workspaceId: 'w',
        orderId: 'o1',
        productId: null,
        variantId: null,
        title: 'Rain Jacket — M',
        sku: 'RJ-M',
        quantity: 1,
        unitPriceCents: 12900,
      },
      {
        id: 'l2',
        workspaceId: 'w',
        orderId: 'o1',
        productId: null,
        variantId: null,
        title: 'Wool Socks',
        sku: null,
        quantity: 3,
        unitPriceCents: 1900,
      },
    ],
    ...overrides,
  };
}

describe('toOrderCard', () => {
  it('reveals status, date, items, total and tracking — and nothing else', () => {
    const card = toOrderCard(order());
    expect(card).toEqual({
      number: '#1042',
      status: 'fulfilled',
      placedAt: '2026-03-04T10:20:30.000Z',
      total: '164.95',
      currency: 'USD',
      items: [
        { title: 'Rain Jacket — M', quantity: 1 },
        { title: 'Wool Socks', quantity: 3 },
      ],
      tracking: { carrier: 'UPS', number: '1Z999', url: 'https://ups.example/track/1Z999' },
    });
    const serialised = JSON.stringify(card);
    for (const secret of ['Portland', 'ana@example.com', 'c1', 'RJ-M', '12900'])
      expect(serialised).not.toContain(secret);
  });

  it('has no tracking before shipping, and drops a tracking link that is not http(s)', () => {
    expect(toOrderCard(order({ trackingCompany: null, trackingNumber: null, trackingUrl: null })).tracking).toBeNull();
    expect(toOrderCard(order({ trackingUrl: 'javascript:alert(1)' })).tracking).toEqual({
      carrier: 'UPS',
      number: '1Z999',
    });
  });
});
