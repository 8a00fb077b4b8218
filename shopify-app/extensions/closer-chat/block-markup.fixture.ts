import fs from 'node:fs';
import path from 'node:path';

/**
 * The app embed's `<script>` tag as Shopify's Liquid renders it, for tests: its
 * output tags filled with the given values, so a test sees exactly the
 * attributes the block writes. Any other Liquid throws: extend the map.
 */
export interface BlockValues {
  assetUrl: string;
  shopDomain: string;
  settings: { position: string; accent_color: string; greeting: string };
}

export const blockLiquid = fs.readFileSync(path.join(import.meta.dirname, 'blocks', 'closer-chat.liquid'), 'utf8');
export const embedScript = fs.readFileSync(path.join(import.meta.dirname, 'assets', 'closer-embed.js'), 'utf8');

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export function renderBlockScriptTag({ assetUrl, shopDomain, settings }: BlockValues): string {
  const markup = blockLiquid.replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, '');
  const tag = /<script\b[^>]*>/.exec(markup)?.[0] ?? '';
  const values: Record<string, string> = {
    "'closer-embed.js' | asset_url": assetUrl,
    'shop.permanent_domain': shopDomain,
    'block.settings.position': settings.position,
    'block.settings.accent_color': settings.accent_color,
    'block.settings.greeting | escape': escapeHtml(settings.greeting),
  };
  return `${tag.replace(/\{\{\s*(.*?)\s*\}\}/g, (_whole, expression: string) => {
    const value = values[expression];
    if (value === undefined) throw new Error(`unrendered Liquid: {{ ${expression} }}`);
    return value;
  })}</script>`;
}
