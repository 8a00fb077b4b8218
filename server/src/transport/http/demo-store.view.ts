/**
 * Server-rendered pages of the demo storefront: a plain store page with the
 * widget installed exactly as a merchant would, through the public script tag.
 */
export interface DemoProductView {
  handle: string;
  title: string;
  description: string;
  category: string | null;
  imageUrl: string | null;
  priceCents: number | null;
  compareAtCents: number | null;
  variants: Array<{ title: string; priceCents: number; inventory: number | null }>;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Links keep the page's `?key=` so the same widget follows the shopper around the store. */
const withKey = (path: string, keyOverride: string | null) =>
  keyOverride ? `${path}${path.includes('?') ? '&' : '?'}key=${encodeURIComponent(keyOverride)}` : path;

const money = (cents: number | null, currency: string) =>
  cents === null ? '' : new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);

function layout(input: {
  title: string;
  storeName: string;
  widgetKey: string | null;
  keyOverride: string | null;
  categories: string[];
  body: string;
}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<meta name="description" content="${escapeHtml(input.storeName)} — outdoor clothing and gear.">
<link rel="stylesheet" href="/demo/assets/store.css">
<script src="/demo/assets/store.js" defer></script>
${input.widgetKey ? `<script src="/widget/loader.js" data-key="${escapeHtml(input.widgetKey)}" async></script>` : ''}
</head>
<body>
<header>
  <a class="logo" href="${escapeHtml(withKey('/demo', input.keyOverride))}">${escapeHtml(input.storeName)}</a>
  <nav aria-label="Categories">${input.categories.map((category) => `<a href="${escapeHtml(withKey(`/demo?category=${encodeURIComponent(category)}`, input.keyOverride))}">${escapeHtml(category)}</a>`).join('')}</nav>
  <a class="cart" href="${escapeHtml(withKey('/demo', input.keyOverride))}" aria-label="Cart">Cart (<span id="cart-count">0</span>)</a>
</header>
${input.body}
<footer>© ${escapeHtml(input.storeName)} · Free shipping and 30-day returns — ask our assistant for details.</footer>
</body>
</html>`;
}

function productCard(product: DemoProductView, currency: string, keyOverride: string | null) {
  const was = product.compareAtCents ? `<span class="was">${money(product.compareAtCents, currency)}</span>` : '';
  return `<a class="card" href="${escapeHtml(withKey(`/demo/products/${encodeURIComponent(product.handle)}`, keyOverride))}">
<img src="${escapeHtml(product.imageUrl ?? '')}" alt="${escapeHtml(product.title)}" width="300" height="300" loading="lazy">
<div class="body"><div class="category">${escapeHtml(product.category ?? '')}</div><h3>${escapeHtml(product.title)}</h3>
<span class="price">${money(product.priceCents, currency)}</span>${was}</div></a>`;
}

export function renderDemoHome(input: {
  storeName: string;
  currency: string;
  /** Null renders the page without the widget (for the performance comparison). */
  widgetKey: string | null;
  /** Another workspace's key from the URL, kept in the page's links. */
  keyOverride: string | null;
  categories: string[];
  heading: string;
  products: DemoProductView[];
}) {
  const body = `<section class="hero"><h1>Gear for every season</h1><p>Jackets, knitwear, footwear and packs, tested outdoors. Questions? Our assistant knows the whole catalog.</p></section>
<main><h2>${escapeHtml(input.heading)}</h2><div class="grid">${input.products.map((product) => productCard(product, input.currency, input.keyOverride)).join('')}</div></main>`;
  return layout({
    title: `${input.storeName} — ${input.heading}`,
    storeName: input.storeName,
    widgetKey: input.widgetKey,
    keyOverride: input.keyOverride,
    categories: input.categories,
    body,
  });
}

export function renderDemoProduct(input: {
  storeName: string;
  currency: string;
  widgetKey: string;
  keyOverride: string | null;
  categories: string[];
  product: DemoProductView;
}) {
  const { product } = input;
  const variants = product.variants
    .map(
      (variant) =>
        `<li>${escapeHtml(variant.title)} — ${money(variant.priceCents, input.currency)}${variant.inventory === 0 ? ' (sold out)' : ''}</li>`,
    )
    .join('');
  const body = `<main class="product"><img src="${escapeHtml(product.imageUrl ?? '')}" alt="${escapeHtml(product.title)}" width="600" height="600">
<div><div class="category">${escapeHtml(product.category ?? '')}</div><h1>${escapeHtml(product.title)}</h1><p class="price">${money(product.priceCents, input.currency)}</p>
<p>${escapeHtml(product.description)}</p><h2>Options</h2><ul class="variants">${variants}</ul></div></main>`;
  return layout({
    title: `${product.title} — ${input.storeName}`,
    storeName: input.storeName,
    widgetKey: input.widgetKey,
    keyOverride: input.keyOverride,
    categories: input.categories,
    body,
  });
}
