/*
 * Closer's Shopify app embed (blocks/closer-chat.liquid renders the tag that
 * loads this file). It asks the app proxy which widget this shop shows: the
 * request is same-origin, so Shopify forwards it to Closer with the shop, the
 * signed-in customer (if any) and a signature. Then it adds Closer's widget
 * loader with the widget key, the theme editor's settings and, for a signed-in
 * customer, the token that lets the assistant answer about their own orders.
 * Plain, strict-CSP-friendly JavaScript: no eval, no inline code, no storage.
 */
(() => {
  const embed = document.currentScript;
  if (!embed) return;
  const settings = embed.dataset;
  const proxyPath = settings.proxyPath || '/apps/closer';

  const loaderFrom = (config) => {
    const url = new URL(String(config.loaderUrl));
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (!(url.protocol === 'https:' || (local && url.protocol === 'http:')) || !url.pathname.endsWith('/loader.js')) {
      throw new Error('the app proxy named no widget loader');
    }
    if (!/^pk_[A-Za-z0-9_-]{8,80}$/.test(String(config.widgetKey))) throw new Error('the app proxy sent no widget key');
    const loader = document.createElement('script');
    loader.src = url.href;
    loader.async = true;
    loader.dataset.key = config.widgetKey;
    for (const name of ['position', 'color', 'greeting']) if (settings[name]) loader.dataset[name] = settings[name];
    if (typeof config.customerToken === 'string') loader.dataset.customerToken = config.customerToken;
    return loader;
  };

  fetch(`${proxyPath}/config`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) throw new Error(`the app proxy answered HTTP ${response.status}`);
      return response.json();
    })
    .then((config) => document.head.append(loaderFrom(config)))
    .catch((error) => console.warn(`[Closer] No chat on ${settings.shop || 'this shop'}: ${error.message}`));
})();
