// Shapes of the generated demo store. Kept apart from the generators so importers (seed
// scripts, tests, forecast experiments) can depend on the types without pulling in data tables.

export type Seasonality = 'winter' | 'summer' | 'holiday' | 'flat';

export interface DemoStore {
  workspace: {
    name: 'Demo Outfitters';
    currency: 'USD';
    timezone: string;
    policies: DemoPolicy[];
    faq: DemoFaq[];
  };
  categories: string[];
  products: DemoProduct[];
  orders: DemoOrder[];
}

export interface DemoPolicy {
  kind: 'shipping' | 'returns' | 'privacy' | 'warranty' | 'payment';
  title: string;
  body: string;
}

export interface DemoFaq {
  question: string;
  answer: string;
}

export interface DemoDemand {
  /** Units per week summed over all cities, before trend, seasonality, holidays and promotions. */
  baseWeeklyUnits: number;
  /** Growth per year, compounded from max(period start, launchedAt): 0.4 = +40 %/year. */
  trendPerYear: number;
  seasonality: Seasonality;
  intermittent: boolean;
  /** First possible sale (UTC midnight). Drafts launch after the period ends, so they never sell. */
  launchedAt: Date;
  /** Last sale happens before this UTC midnight; set for archived products only. */
  discontinuedAt: Date | null;
}

export interface DemoProduct {
  externalId: string;
  handle: string;
  title: string;
  description: string;
  category: string;
  vendor: string;
  tags: string[];
  imageUrl: string;
  status: 'active' | 'draft' | 'archived';
  createdAt: Date;
  variants: DemoVariant[];
  demand: DemoDemand;
}

export interface DemoVariant {
  externalId: string;
  sku: string;
  title: string;
  options: Record<string, string>;
  priceCents: number;
  compareAtPriceCents: number | null;
  inventory: number;
}

export interface DemoOrderLine {
  productExternalId: string;
  variantExternalId: string;
  title: string;
  quantity: number;
  unitPriceCents: number;
}

export interface DemoOrder {
  externalId: string;
  number: string;
  createdAt: Date;
  email: string;
  customerName: string;
  shippingCity: string;
  shippingRegion: string;
  shippingCountry: string;
  currency: 'USD';
  lines: DemoOrderLine[];
  discountCents: number;
  totalCents: number;
  status: 'paid' | 'fulfilled' | 'refunded' | 'cancelled';
}

export interface DemoStoreOptions {
  seed?: number;
  endDate?: Date;
  productCount?: number;
}
