// Builds the ~200-product catalog. Each product first gets a lifecycle (established, slow seller,
// mid-period launch, archived, draft) because that one choice drives its dates, demand parameters,
// status and stock together — keeping those consistent is what makes the demo believable.

import { addUtcDays, countUtcDays, startOfUtcDay } from './demo-calendar.data';
import { DEMO_CATEGORIES, DEMO_PRODUCT_TYPES, type DemoCategory, type DemoProductType } from './demo-catalog.data';
import { DEMO_COLORS, DEMO_LINE_NAMES, DEMO_MATERIALS } from './demo-copy.data';
import { computeProductRate } from './demo-demand.data';
import type { DemoDemand, DemoProduct } from './demo-store.types';
import { buildVariants, type VariantPlan } from './demo-variants.data';
import { createRandom, deriveSeed, type Random } from './random';

type Lifecycle = 'established' | 'intermittent' | 'launch' | 'archived' | 'draft';

interface Period {
  periodStart: Date;
  endDate: Date;
}

interface ProductDraft extends Omit<DemoProduct, 'externalId' | 'variants'> {
  type: DemoProductType;
  categoryInfo: DemoCategory;
  lifecycle: Lifecycle;
  audience: string | null;
  material: string;
}

export function generateProducts(options: Period & { seed: number; productCount: number }): DemoProduct[] {
  const random = createRandom(deriveSeed(options.seed, 'catalog'));
  const categories = allocateCategories(options.productCount);
  const lifecycles = assignLifecycles(random, options.productCount);
  const typeQueues = new Map<string, DemoProductType[]>();
  const usedTitles = new Set<string>();
  const drafts = categories.map((category, index) => {
    const type = takeProductType(random, typeQueues, category);
    return draftProduct(random, type, lifecycles[index] ?? 'established', usedTitles, options);
  });
  // Number products in creation order, like a real store's admin IDs.
  drafts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return drafts.map((draft, index) => finalizeProduct(random, draft, index, options));
}

function allocateCategories(productCount: number): string[] {
  // Largest-remainder split so any productCount keeps the intended category mix.
  const exact = DEMO_CATEGORIES.map((category) => category.share * productCount);
  const counts = exact.map(Math.floor);
  const order = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest);
  const missing = productCount - counts.reduce((sum, c) => sum + c, 0);
  for (let k = 0; k < missing; k++) {
    const slot = order[k % order.length];
    if (slot) counts[slot.i] = (counts[slot.i] ?? 0) + 1;
  }
  return DEMO_CATEGORIES.flatMap((category, i) => Array<string>(counts[i] ?? 0).fill(category.name));
}

function assignLifecycles(random: Random, productCount: number): Lifecycle[] {
  const quotas: [Lifecycle, number][] = [
    ['draft', 0.03],
    ['archived', 0.04],
    ['launch', 0.08],
    ['intermittent', 0.22],
  ];
  const lifecycles = quotas.flatMap(([lifecycle, share]) =>
    Array<Lifecycle>(Math.round(share * productCount)).fill(lifecycle),
  );
  while (lifecycles.length < productCount) lifecycles.push('established');
  return random.sample(lifecycles, productCount);
}

function takeProductType(random: Random, queues: Map<string, DemoProductType[]>, category: string): DemoProductType {
  // Cycle through a shuffled list so every type shows up before any repeats.
  let queue = queues.get(category);
  if (!queue || queue.length === 0) {
    const types = DEMO_PRODUCT_TYPES.filter((type) => type.category === category);
    queue = random.sample(types, types.length);
    queues.set(category, queue);
  }
  const type = queue.shift();
  if (!type) throw new Error(`No product types for category ${category}`);
  return type;
}

function draftProduct(
  random: Random,
  type: DemoProductType,
  lifecycle: Lifecycle,
  usedTitles: Set<string>,
  period: Period,
): ProductDraft {
  const categoryInfo = findCategory(type.category);
  const audience = type.gendered ? random.pick(["Men's", "Women's"]) : null;
  const title = inventTitle(random, type, audience, usedTitles);
  const handle = slugify(title);
  const demand = planDemand(random, lifecycle, type, period);
  const material = random.pick(type.materials);
  return {
    handle,
    title,
    description: writeDescription(random, title, type, categoryInfo, material),
    category: type.category,
    vendor: random.pick(categoryInfo.vendors),
    tags: [],
    imageUrl: `/demo/images/${handle}.svg`,
    status: lifecycle === 'draft' ? 'draft' : lifecycle === 'archived' ? 'archived' : 'active',
    createdAt: planCreatedAt(random, lifecycle, demand, period),
    demand,
    type,
    categoryInfo,
    lifecycle,
    audience,
    material,
  };
}

function inventTitle(random: Random, type: DemoProductType, audience: string | null, usedTitles: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const line = random.pick(DEMO_LINE_NAMES);
    const suffix = attempt >= 20 ? ` ${attempt}` : '';
    const title = `${audience ? `${audience} ` : ''}${line} ${type.noun}${suffix}`;
    if (!usedTitles.has(title)) {
      usedTitles.add(title);
      return title;
    }
  }
}

function planDemand(
  random: Random,
  lifecycle: Lifecycle,
  type: DemoProductType,
  { periodStart, endDate }: Period,
): DemoDemand {
  const periodDays = countUtcDays(periodStart, endDate);
  const start = startOfUtcDay(periodStart);
  const lognormal = (median: number, sigma: number) => Math.exp(random.normal(Math.log(median), sigma));
  const longAgo = () => addUtcDays(start, -random.int(30, 1400));
  const make = (
    baseWeeklyUnits: number,
    trendPerYear: number,
    launchedAt: Date,
    discontinuedAt: Date | null = null,
  ): DemoDemand => ({
    baseWeeklyUnits: Math.round(baseWeeklyUnits * 100) / 100,
    trendPerYear: Math.round(trendPerYear * 100) / 100,
    seasonality: type.seasonality,
    intermittent: lifecycle === 'intermittent',
    launchedAt,
    discontinuedAt,
  });
  if (lifecycle === 'intermittent')
    return make(random.float(0.12, 0.55), clamp(random.normal(0, 0.1), -0.3, 0.3), longAgo());
  if (lifecycle === 'launch')
    return make(lognormal(2.6, 0.6), random.float(0.2, 0.9), addUtcDays(start, random.int(75, periodDays - 45)));
  if (lifecycle === 'archived') {
    return make(
      lognormal(1.8, 0.5),
      random.float(-0.7, -0.25),
      longAgo(),
      addUtcDays(start, random.int(60, periodDays - 60)),
    );
  }
  if (lifecycle === 'draft')
    return make(lognormal(1.8, 0.5), 0, addUtcDays(startOfUtcDay(endDate), random.int(10, 60)));
  // A few runaway bestsellers on top of a long tail, as in any real catalogue.
  const bestseller = random.chance(0.05) ? 4 : 1;
  return make(
    clamp(lognormal(1.9, 0.75) * bestseller, 0.6, 40),
    clamp(random.normal(0.05, 0.25), -0.5, 0.9),
    longAgo(),
  );
}

function planCreatedAt(random: Random, lifecycle: Lifecycle, demand: DemoDemand, { endDate }: Period): Date {
  // Merchandisers work Pacific office hours (16:00–24:00 UTC) and set products up before launch.
  const officeTime = random.int(16 * 3600, 24 * 3600 - 1) * 1000;
  if (lifecycle === 'draft')
    return new Date(addUtcDays(startOfUtcDay(endDate), -random.int(3, 60)).getTime() + officeTime);
  return new Date(addUtcDays(demand.launchedAt, -random.int(1, 21)).getTime() + officeTime);
}

function writeDescription(
  random: Random,
  title: string,
  type: DemoProductType,
  category: DemoCategory,
  materialKey: string,
): string {
  const pitch = random.pick(type.pitches);
  const opener = random.pick([
    `Meet the ${title}: ${pitch}.`,
    `The ${title} is our answer to a simple brief — ${pitch}.`,
    `${capitalize(pitch)} — that is the ${title}.`,
  ]);
  const material = DEMO_MATERIALS[materialKey];
  const optional = [
    random.chance(0.6) && (type.sizes || !category.fitsNeedSizes) ? random.pick(category.fits) : null,
    random.chance(0.5) ? random.pick(category.features) : null,
    random.chance(0.5) && material ? material.care : null,
  ].filter((sentence): sentence is string => sentence !== null);
  return [opener, material?.sentence ?? '', ...optional.slice(0, 2)].filter(Boolean).join(' ');
}

function finalizeProduct(random: Random, draft: ProductDraft, index: number, period: Period): DemoProduct {
  const { type, categoryInfo, lifecycle, audience, demand } = draft;
  const productNumber = String(index + 1).padStart(3, '0');
  const compareAtRatio = lifecycle !== 'draft' && random.chance(0.15) ? random.float(1.2, 1.45) : null;
  const plan: VariantPlan = {
    productNumber,
    categoryCode: categoryInfo.code,
    // Women's US shoe sizes sit one step below men's for the same foot.
    sizes:
      audience === "Women's" && type.category === 'Footwear'
        ? (type.sizes ?? []).map((size) => String(Number(size) - 1))
        : (type.sizes ?? []),
    colors: type.colorCount ? random.sample(DEMO_COLORS, random.int(type.colorCount[0], type.colorCount[1])) : [],
    ...(type.pricedOption ? { pricedOption: type.pricedOption } : {}),
    basePriceDollars: random.float(type.priceDollars[0], type.priceDollars[1]),
    minPriceDollars: type.priceDollars[0],
    centsOff: random.chance(0.35) ? 5 : 0,
    compareAtRatio,
    // Stock is sized for current demand; drafts are stocked for their launch.
    weeklyUnits:
      lifecycle === 'draft'
        ? demand.baseWeeklyUnits
        : 7 * computeProductRate(demand, addUtcDays(startOfUtcDay(period.endDate), -1), period.periodStart),
    stock:
      lifecycle === 'archived'
        ? 'none'
        : lifecycle === 'intermittent'
          ? 'slow'
          : lifecycle === 'draft'
            ? 'prelaunch'
            : 'normal',
  };
  const variants = buildVariants(random, plan);
  const tags = listTags(
    draft,
    variants.some((variant) => variant.compareAtPriceCents !== null),
    period,
  );
  return {
    externalId: `demo-p-${productNumber}`,
    handle: draft.handle,
    title: draft.title,
    description: draft.description,
    category: draft.category,
    vendor: draft.vendor,
    tags,
    imageUrl: draft.imageUrl,
    status: draft.status,
    createdAt: draft.createdAt,
    variants,
    demand,
  };
}

function listTags(draft: ProductDraft, onSale: boolean, { endDate }: Period): string[] {
  const { type, audience, demand } = draft;
  const fitted = type.gendered || type.sizes !== undefined;
  const isNew = demand.launchedAt <= endDate && countUtcDays(demand.launchedAt, endDate) <= 90;
  const tags = [
    slugify(type.category),
    slugify(type.noun),
    DEMO_MATERIALS[draft.material]?.tag,
    audience === "Men's" ? 'mens' : audience === "Women's" ? 'womens' : fitted ? 'unisex' : null,
    type.seasonality === 'flat' ? null : type.seasonality,
    isNew ? 'new-arrival' : null,
    demand.baseWeeklyUnits >= 8 ? 'bestseller' : null,
    onSale ? 'sale' : null,
  ];
  return [...new Set(tags.filter((tag): tag is string => typeof tag === 'string'))];
}

function findCategory(name: string): DemoCategory {
  const category = DEMO_CATEGORIES.find((candidate) => candidate.name === name);
  if (!category) throw new Error(`Unknown category ${name}`);
  return category;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
