// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"enableJavaScriptEvaluation":true,"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { embedScript, renderBlockScriptTag } from './block-markup.fixture';

/**
 * The app embed on a storefront page: the block's script tag rendered as
 * Shopify's Liquid would (so the attribute names the block writes are the ones
 * the script reads), and assets/closer-embed.js run as the browser runs it,
 * with the app proxy answered by a stub.
 */

/** Adds the rendered tag to the page and runs the asset as that script (file loading is off in this DOM). */
function runEmbed(settings = { position: 'bottom-right', accent_color: '#1f4e79', greeting: '' }) {
  const template = document.createElement('template');
  template.innerHTML = renderBlockScriptTag({
    assetUrl: 'https://cdn.shopify.com/extensions/0a1b/assets/closer-embed.js',
    shopDomain: 'demo-outfitters.myshopify.com',
    settings,
  });
  const rendered = template.content.querySelector('script') as HTMLScriptElement;
  const script = document.createElement('script');
  for (const attribute of rendered.attributes)
    if (attribute.name !== 'src') script.setAttribute(attribute.name, attribute.value);
  script.textContent = embedScript;
  document.body.append(script);
}

const injectedLoader = () => document.head.querySelector<HTMLScriptElement>('script[data-key]');
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('closer-embed.js', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  let warn: ReturnType<typeof vi.spyOn>;
  const answer = (body: unknown, status = 200) =>
    fetchMock.mockResolvedValue(new Response(JSON.stringify(body), { status }));

  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    fetchMock = vi.fn();
    (window as unknown as { fetch: unknown }).fetch = fetchMock;
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => warn.mockRestore());

  it("asks the shop's own app proxy, then loads the widget with the theme editor's settings", async () => {
    answer({ widgetKey: 'pk_live_shop_0002', loaderUrl: 'https://closer.example/widget/loader.js' });
    runEmbed();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith('/apps/closer/config', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    const loader = injectedLoader();
    expect(loader?.src).toBe('https://closer.example/widget/loader.js');
    expect(loader?.async).toBe(true);
    expect({ ...loader?.dataset }).toEqual({ key: 'pk_live_shop_0002', position: 'bottom-right', color: '#1f4e79' });
    expect(warn).not.toHaveBeenCalled();
  });

  it("hands a signed-in customer's token and the greeting, exactly as typed, to the widget", async () => {
    answer({
      widgetKey: 'pk_live_shop_0002',
      loaderUrl: 'https://closer.example/widget/loader.js',
      customerToken: 'c1.payload.signature',
    });
    const greeting = 'Hi "friend" & <welcome> back';
    runEmbed({ position: 'bottom-left', accent_color: '#0a7d33', greeting });
    await settle();
    expect({ ...injectedLoader()?.dataset }).toEqual({
      key: 'pk_live_shop_0002',
      position: 'bottom-left',
      color: '#0a7d33',
      greeting,
      customerToken: 'c1.payload.signature',
    });
  });

  it('loads nothing the proxy answer does not vouch for: another kind of URL, another file, no key', async () => {
    for (const body of [
      { widgetKey: 'pk_live_shop_0002', loaderUrl: 'javascript:alert(1)//loader.js' },
      { widgetKey: 'pk_live_shop_0002', loaderUrl: 'http://closer.example/widget/loader.js' },
      { widgetKey: 'pk_live_shop_0002', loaderUrl: 'https://closer.example/widget/app.js' },
      { widgetKey: 'not a key', loaderUrl: 'https://closer.example/widget/loader.js' },
      { loaderUrl: 'https://closer.example/widget/loader.js' },
    ]) {
      answer(body);
      runEmbed();
      await settle();
      expect(injectedLoader(), JSON.stringify(body)).toBeNull();
    }
    expect(warn).toHaveBeenCalledTimes(5);
  });

  it('leaves the page alone and says why when the shop is unknown to Closer', async () => {
    answer({ error: { code: 'shop_not_found', message: 'Closer is not installed' } }, 404);
    runEmbed();
    await settle();
    expect(injectedLoader()).toBeNull();
    expect(document.head.children).toHaveLength(0);
    expect(warn).toHaveBeenCalledWith(
      '[Closer] No chat on demo-outfitters.myshopify.com: the app proxy answered HTTP 404',
    );
  });
});
