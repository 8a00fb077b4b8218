import { afterEach, describe, expect, it, vi } from 'vitest';
import { addToCart, type CartRequest } from './cart';

const request: CartRequest = {
  productId: '11111111-1111-4111-8111-111111111111',
  variantId: '22222222-2222-4222-8222-222222222222',
  externalVariantId: 'gid://shopify/ProductVariant/4455667788',
  quantity: 2,
  url: 'https://shop.example/products/jacket',
};

const fakeWindow = (extra: Record<string, unknown> = {}) =>
  ({ location: { assign: vi.fn() }, ...extra }) as unknown as Window & {
    location: { assign: ReturnType<typeof vi.fn> };
  };

describe('addToCart', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses the Shopify Ajax cart under the locale root, tagged with the conversation', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const win = fakeWindow({ Shopify: { routes: { root: '/fr/' } } });
    const outcome = await addToCart(request, { win, conversationId: 'conv-1', listeners: [vi.fn()] });
    expect(outcome).toBe('added');
    expect(fetchMock).toHaveBeenCalledWith('/fr/cart/add.js', expect.objectContaining({ method: 'POST' }));
    const body = JSON.parse((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body as string);
    expect(body).toEqual({ items: [{ id: 4455667788, quantity: 2 }], attributes: { _closer_conversation: 'conv-1' } });
  });

  it('reports a refused Shopify add', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"status":422}', { status: 422 })),
    );
    expect(await addToCart(request, { win: fakeWindow({ Shopify: {} }), conversationId: null, listeners: [] })).toBe(
      'failed',
    );
  });

  it('calls the add_to_cart listeners elsewhere, without the url', async () => {
    const listener = vi.fn(async () => {});
    const outcome = await addToCart(request, { win: fakeWindow(), conversationId: 'conv-1', listeners: [listener] });
    expect(outcome).toBe('added');
    expect(listener).toHaveBeenCalledWith({
      productId: request.productId,
      variantId: request.variantId,
      externalVariantId: request.externalVariantId,
      quantity: 2,
    });
  });

  it('opens the product page when nobody handles it', async () => {
    const win = fakeWindow();
    expect(await addToCart(request, { win, conversationId: null, listeners: [] })).toBe('opened');
    expect(win.location.assign).toHaveBeenCalledWith(request.url);
  });
});
