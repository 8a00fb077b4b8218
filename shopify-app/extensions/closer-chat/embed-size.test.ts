import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * The theme app extension as Shopify checks it: every JavaScript asset under
 * the 10,000-byte compressed limit (theme-check's AssetSizeAppBlockJavaScript),
 * an app embed block whose schema the theme editor accepts, and an extension
 * config `shopify app deploy` recognises.
 */
const here = import.meta.dirname;
const shopifyLimitBytes = 10_000;

const read = (...parts: string[]) => fs.readFileSync(path.join(here, ...parts), 'utf8');
const assetFiles = fs.readdirSync(path.join(here, 'assets')).filter((file) => file.endsWith('.js'));
const liquid = read('blocks', 'closer-chat.liquid');

interface Setting {
  type: string;
  id?: string;
  label?: string;
  default?: unknown;
  options?: Array<{ value: unknown; label: unknown }>;
}

function readSchema(source: string): { name: string; target: string; settings: Setting[] } {
  const match = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(source);
  if (!match?.[1]) throw new Error('no {% schema %} block');
  return JSON.parse(match[1]);
}

/** `key = "value"` lines per [section]: all these small TOML files use. */
function readToml(source: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = { '': {} };
  let current = '';
  for (const line of source.split('\n').map((text) => text.trim())) {
    const section = /^\[([\w.]+)\]$/.exec(line);
    if (section?.[1]) {
      current = section[1];
      sections[current] = sections[current] ?? {};
    }
    const pair = /^([\w-]+)\s*=\s*"([^"]*)"$/.exec(line);
    const entries = sections[current];
    if (pair?.[1] && pair[2] !== undefined && entries) entries[pair[1]] = pair[2];
  }
  return sections;
}

describe('theme app extension closer-chat', () => {
  it('has JavaScript assets to measure', () => {
    expect(assetFiles).toContain('closer-embed.js');
  });

  for (const file of assetFiles) {
    it(`keeps ${file} under Shopify's ${shopifyLimitBytes}-byte compressed limit (gzip and brotli)`, () => {
      const bytes = fs.readFileSync(path.join(here, 'assets', file));
      const gzip = zlib.gzipSync(bytes).length;
      const brotli = zlib.brotliCompressSync(bytes).length;
      expect(gzip).toBeLessThan(shopifyLimitBytes);
      expect(brotli).toBeLessThan(shopifyLimitBytes);
      // Far below, in fact: the embed only fetches a config and adds one script.
      expect(gzip).toBeLessThan(2_000);
    });

    it(`ships ${file} without eval-like code or HTML written from strings (strict CSP)`, () => {
      const code = read('assets', file);
      expect(code).not.toMatch(
        /\beval\(|\bFunction\(|setTimeout\(\s*['"`]|innerHTML|outerHTML|insertAdjacentHTML|document\.write/,
      );
      expect(code).not.toMatch(/sourceMappingURL/);
    });
  }

  it('is an app embed block on the body whose settings the theme editor accepts', () => {
    const schema = readSchema(liquid);
    expect(schema.target).toBe('body');
    expect(schema.name.length).toBeGreaterThan(0);
    expect(schema.name.length).toBeLessThanOrEqual(25);
    const inputTypes = new Set(['text', 'textarea', 'select', 'color', 'checkbox', 'number', 'range', 'radio', 'url']);
    const ids = schema.settings.map((setting) => setting.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const setting of schema.settings) {
      expect(inputTypes.has(setting.type), setting.type).toBe(true);
      expect(setting.id, JSON.stringify(setting)).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(typeof setting.label === 'string' && setting.label.length > 0, `${setting.id} label`).toBe(true);
      if (setting.type === 'select' || setting.type === 'radio') {
        expect(Array.isArray(setting.options) && setting.options.length > 0, `${setting.id} options`).toBe(true);
        for (const option of setting.options ?? []) {
          expect(typeof option.value === 'string' && typeof option.label === 'string').toBe(true);
        }
        if (setting.default !== undefined) {
          expect(setting.options?.map((option) => option.value)).toContain(setting.default);
        }
      }
      if (setting.type === 'color' && setting.default !== undefined) {
        expect(setting.default).toMatch(/^#[0-9a-f]{6}$/i);
      }
      if (setting.type === 'text' && setting.default !== undefined) expect(typeof setting.default).toBe('string');
    }
    const byId: Record<string, Setting | undefined> = Object.fromEntries(
      schema.settings.map((setting) => [setting.id, setting]),
    );
    expect(byId.position?.options?.map((option) => option.value)).toEqual(['bottom-right', 'bottom-left']);
    expect(byId.accent_color?.type).toBe('color');
    expect(byId.greeting?.type).toBe('text');
  });

  it('renders one deferred script from its own assets, reading only settings it declares', () => {
    const markup = liquid.replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, '');
    const html = markup.slice(0, markup.indexOf('{% schema %}'));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/\bsrc="\{\{ 'closer-embed\.js' \| asset_url \}\}"/);
    expect(scripts[0]).toMatch(/\sdefer\b/);
    expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/); // no inline code for a CSP to allow
    const declared = new Set(readSchema(liquid).settings.map((setting) => setting.id));
    for (const [, id] of html.matchAll(/block\.settings\.(\w+)/g)) expect(declared.has(id), id).toBe(true);
  });

  it('keeps only what `shopify app deploy` accepts in its folders (tests and notes stay at the top level)', () => {
    const allowed: Record<string, RegExp> = {
      assets: /\.(jpg|jpeg|js|css|png|svg)$/,
      blocks: /\.liquid$/,
      locales: /\.json$/,
      snippets: /\.liquid$/,
    };
    for (const entry of fs.readdirSync(here, { withFileTypes: true }).filter((item) => item.isDirectory())) {
      const pattern = allowed[entry.name];
      expect(pattern, `unsupported directory ${entry.name}`).toBeDefined();
      for (const file of fs.readdirSync(path.join(here, entry.name))) expect(file).toMatch(pattern ?? /^$/);
    }
  });

  it('is a theme extension, and calls the app proxy shopify.app.toml declares', () => {
    const extension = readToml(read('shopify.extension.toml'));
    expect(extension['']).toMatchObject({ type: 'theme', name: 'closer-chat' });
    const app = readToml(read('..', '..', '..', 'shopify.app.toml'));
    const proxy = app.app_proxy ?? {};
    expect(liquid).toContain(`data-proxy-path="/${proxy.prefix}/${proxy.subpath}"`);
    expect(new URL(proxy.url ?? '').pathname).toBe('/apps/closer');
  });
});
