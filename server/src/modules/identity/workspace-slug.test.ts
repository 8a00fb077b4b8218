import { describe, expect, it } from 'vitest';
import { pickFreeSlug, slugifyWorkspaceName } from './workspace-slug';

describe('workspace slugs', () => {
  it('turns names into lower-case ASCII words joined by dashes', () => {
    expect(slugifyWorkspaceName('Acme Outdoor Co.')).toBe('acme-outdoor-co');
    expect(slugifyWorkspaceName('  Café Ünïcorn!! ')).toBe('cafe-unicorn');
    expect(slugifyWorkspaceName('a'.repeat(60))).toHaveLength(40);
  });

  it('never returns an empty, one-letter or reserved slug', () => {
    expect(slugifyWorkspaceName('日本の店')).toBe('workspace');
    expect(slugifyWorkspaceName('X')).toBe('x-workspace');
    expect(slugifyWorkspaceName('API')).toBe('api-workspace');
  });

  it('numbers a taken slug', () => {
    expect(pickFreeSlug('acme', new Set())).toBe('acme');
    expect(pickFreeSlug('acme', new Set(['acme', 'acme-2', 'acme-corp']))).toBe('acme-3');
  });
});
