import type { ComponentChildren } from 'preact';
import { type Block, type Inline, parseMarkdown } from './parse-markdown';

/** http(s) only, absolute or relative to the page; everything else (javascript:, data:, …) is dropped. */
export function safeUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function renderInline(nodes: Inline[], base: string): ComponentChildren[] {
  return nodes.map((node) => {
    if (typeof node === 'string') return node;
    if (node.type === 'br') return <br />;
    const children = renderInline(node.children, base);
    if (node.type !== 'link') {
      const Tag = node.type;
      return <Tag>{children}</Tag>;
    }
    const href = safeUrl(node.href, base);
    if (!href) return children;
    // Links leave the chat for another site in a new tab; the store's own pages open in place.
    const external = new URL(href).origin !== new URL(base).origin;
    return (
      <a href={href} rel="noopener noreferrer" target={external ? '_blank' : undefined}>
        {children}
      </a>
    );
  });
}

function renderBlock(block: Block, base: string): ComponentChildren {
  if (!('items' in block)) {
    return <p class={block.type === 'heading' ? 'md-heading' : undefined}>{renderInline(block.children, base)}</p>;
  }
  const items = block.items.map((item) => <li>{renderInline(item, base)}</li>);
  return block.type === 'ul' ? <ul>{items}</ul> : <ol start={block.start === 1 ? undefined : block.start}>{items}</ol>;
}

/** Model output becomes Preact elements and text nodes, never HTML. */
export function Markdown({ text, base }: { text: string; base: string }) {
  return <>{parseMarkdown(text).map((block) => renderBlock(block, base))}</>;
}
