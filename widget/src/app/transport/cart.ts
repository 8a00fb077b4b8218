import type { Listener } from '../../shared/widget-contract';

export interface CartRequest {
  productId: string;
  variantId: string;
  externalVariantId: string | null;
  quantity: number;
  /** The product page, the last resort. */
  url: string | null;
}

export type CartOutcome = 'added' | 'opened' | 'failed';

interface CartDeps {
  win: Window;
  conversationId: string | null;
  /** `Closer.on('add_to_cart', fn)` listeners. */
  listeners: Listener[];
}

type ShopifyGlobal = { routes?: { root?: string } };

/**
 * On a Shopify storefront, the Ajax cart (`/cart/add.js`, under the locale's
 * root) with the conversation as a hidden cart attribute for attribution;
 * elsewhere the merchant's `add_to_cart` listeners; else the product page.
 */
export async function addToCart(
  request: CartRequest,
  { win, conversationId, listeners }: CartDeps,
): Promise<CartOutcome> {
  const shopify = (win as Window & { Shopify?: ShopifyGlobal }).Shopify;
  // Shopify's numeric id, also from a GID ("gid://shopify/ProductVariant/123").
  const shopifyVariant = request.externalVariantId?.match(/\d+$/)?.[0];
  if (shopify && shopifyVariant) {
    const response = await fetch(`${shopify.routes?.root ?? '/'}cart/add.js`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        items: [{ id: Number(shopifyVariant), quantity: request.quantity }],
        ...(conversationId ? { attributes: { _closer_conversation: conversationId } } : {}),
      }),
    }).catch(() => null);
    return response?.ok ? 'added' : 'failed';
  }
  if (listeners.length > 0) {
    const { url: _url, ...detail } = request;
    try {
      await Promise.all(listeners.map((listener) => listener(detail)));
      return 'added';
    } catch (error) {
      console.error('[Closer] add_to_cart listener failed', error);
      return 'failed';
    }
  }
  if (request.url) {
    win.location.assign(request.url);
    return 'opened';
  }
  return 'failed';
}
