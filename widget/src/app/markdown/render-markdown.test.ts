// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { markdownToText, parseMarkdown } from './parse-markdown';
import { Markdown, safeUrl } from './render-markdown';

const base = 'https://shop.example/products/jacket';

function renderToElement(text: string): HTMLElement {
  const element = document.createElement('div');
  render(h(Markdown, { text, base }), element);
  return element;
}

describe('markdown rendering', () => {
  it('renders paragraphs, line breaks, emphasis and code', () => {
    const element = renderToElement('Hello **bold** and *italic* and _also_ `code`\nnext line\n\nSecond');
    expect(element.innerHTML).toBe(
      '<p>Hello <strong>bold</strong> and <em>italic</em> and <em>also</em> <code>code</code><br>next line</p><p>Second</p>',
    );
  });

  it('renders bullet and numbered lists, with continuation lines and a start number', () => {
    const element = renderToElement('Options:\n- one\n- two\n  still two\n\n3. third\n4. fourth');
    expect(element.innerHTML).toBe(
      '<p>Options:</p><ul><li>one</li><li>two still two</li></ul><ol start="3"><li>third</li><li>fourth</li></ol>',
    );
  });

  it('renders links with rel="noopener noreferrer", resolving relative ones against the store page', () => {
    const element = renderToElement(
      'See [our jacket](/products/alpine) or [the blog](https://blog.example/post), https://example.org/a.',
    );
    const links = [...element.querySelectorAll('a')];
    expect(
      links.map((link) => [link.getAttribute('href'), link.getAttribute('rel'), link.getAttribute('target')]),
    ).toEqual([
      ['https://shop.example/products/alpine', 'noopener noreferrer', null],
      ['https://blog.example/post', 'noopener noreferrer', '_blank'],
      ['https://example.org/a', 'noopener noreferrer', '_blank'],
    ]);
    expect(element.textContent).toBe('See our jacket or the blog, https://example.org/a.');
  });

  it('keeps snake_case and lone asterisks as they are', () => {
    expect(renderToElement('use size_chart_v2 * 2').innerHTML).toBe('<p>use size_chart_v2 * 2</p>');
  });

  it('turns markup in model output into inert text', () => {
    const element = renderToElement('<script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold?</b>');
    expect(element.querySelector('script, img, b')).toBeNull();
    expect(element.textContent).toBe('<script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold?</b>');
  });

  it('drops dangerous link targets but keeps their words', () => {
    const element = renderToElement(
      '[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) [d]( javascript:alert(1)) [e](vbscript:x)',
    );
    expect(element.querySelector('a')).toBeNull();
    expect(element.textContent).toContain('a');
    expect(element.innerHTML).not.toMatch(/javascript|data:|vbscript/i);
  });

  it('accepts only http(s) URLs', () => {
    expect(safeUrl('https://a.example/x', base)).toBe('https://a.example/x');
    expect(safeUrl('//cdn.example/i.png', base)).toBe('https://cdn.example/i.png');
    expect(safeUrl('?page=2', base)).toBe('https://shop.example/products/jacket?page=2');
    for (const bad of [
      'javascript:alert(1)',
      ' java\tscript:alert(1)',
      'data:image/png;base64,AA',
      'mailto:a@b.c',
      'http://[',
    ]) {
      expect(safeUrl(bad, base)).toBeNull();
    }
  });

  it('gives screen readers the words without the markup', () => {
    expect(markdownToText('**Two** picks:\n- [Jacket](/j)\n- Boots')).toBe('Two picks: Jacket. Boots');
  });

  it('parses huge unbalanced input in linear-ish time', () => {
    const started = performance.now();
    parseMarkdown(`${'*a _b [c `'.repeat(2_000)}`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
