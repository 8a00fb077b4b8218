import { describe, expect, it } from 'vitest';
import { renderDocsPage } from './docs.page';
import { apiRouteList } from './index';
import { buildOpenApiDocument } from './openapi';

const document = buildOpenApiDocument(apiRouteList);

describe('the API reference page', () => {
  const html = renderDocsPage(document);

  it('lists every operation with its path, scope, parameters, body and answers', () => {
    for (const route of apiRouteList) {
      const path = route.path.replace(':id', '{id}');
      expect(html).toContain(`<article id="op-${route.operationId}">`);
      expect(html).toContain(`<code>${path}</code>`);
      expect(html).toContain(`<code>${route.scope}</code> scope`);
      expect(html).toContain(`href="#op-${route.operationId}"`);
    }
    for (const name of Object.keys(document.components.schemas)) expect(html).toContain(`id="schema-${name}"`);
    expect(html).toContain('<code>Idempotency-Key</code>');
    expect(html).toContain('<h2>Authentication</h2>');
  });

  it('is self-contained: no script, stylesheet link or remote resource', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|url\(/i);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('escapes text from the document', () => {
    const hostile = structuredClone(document);
    hostile.info.description = 'Hi <script>alert(1)</script> & `code`';
    const page = renderDocsPage(hostile);
    expect(page).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; <code>code</code>');
    expect(page).not.toContain('<script>');
  });
});
