import { parseHexColor } from '../shared/color';
import type { Position, WidgetConfig } from '../shared/widget-contract';

export interface ScriptContext {
  key: string;
  origin: string;
  appUrl: string;
  configUrl: string;
  locale: string | null;
  position: Position | null;
  /** Shopify's app embed: the signed-in customer's token from the app proxy. */
  customerToken: string | null;
  /** Shopify's app embed: the theme editor's accent colour and greeting, over the saved settings. */
  color: string | null;
  greeting: string | null;
}

/** `document.currentScript` while the loader runs; the src fallback covers tag managers that re-inject it. */
export function findLoaderScript(doc: Document): HTMLScriptElement | null {
  return (doc.currentScript as HTMLScriptElement | null) ?? doc.querySelector('script[src*="/widget/loader.js"]');
}

export function readScriptContext(script: HTMLScriptElement | null, pageUrl: string): ScriptContext | null {
  const data = script?.dataset ?? {};
  if (!script || !data.key) return null;
  const src = new URL(script.src, pageUrl);
  return {
    key: data.key,
    origin: src.origin,
    // app.js sits next to the loader and inherits its query (a version string busts both caches).
    appUrl: new URL(`app.js${src.search}`, src).href,
    configUrl: new URL(`config?key=${encodeURIComponent(data.key)}`, src).href,
    locale: data.locale || null,
    position: /^bottom-(left|right)$/.test(data.position ?? '') ? (data.position as Position) : null,
    customerToken: data.customerToken || null,
    color: parseHexColor(data.color) ? (data.color as string) : null,
    greeting: data.greeting?.trim() || null,
  };
}

/** The script's own colour and greeting win over the saved ones: Shopify merchants set them in the theme editor. */
export function withScriptOverrides(config: WidgetConfig, { color, greeting }: ScriptContext): WidgetConfig {
  if (color) config.branding.primaryColor = color;
  if (greeting) config.assistant.greeting = greeting;
  return config;
}
