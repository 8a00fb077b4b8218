// `shopify app dev` runs this (shopify.web.toml), then `npm start`'s work. The CLI hands over the
// tunnel's public URL as HOST and APP_URL, but Closer reads HOST as the interface to listen on and
// the public URL from SHOPIFY_APP_URL; the CLI's URL wins over one set in the shell, since it is the
// one Shopify was just told. SHOPIFY_API_KEY, SHOPIFY_API_SECRET, SCOPES and PORT pass through as given.
const tunnelUrl = process.env.APP_URL || process.env.HOST;
if (tunnelUrl) process.env.SHOPIFY_APP_URL = tunnelUrl;
delete process.env.HOST;
await import('./start.mjs');
