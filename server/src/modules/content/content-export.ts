import type { PrismaClient } from '@prisma/client';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { type DraftListItem, streamDrafts } from './content-draft.repo';
import { kindLabels } from './content-kinds';

/**
 * Approved content as CSV, for stores that are not on Shopify (or want a
 * file): Shopify's product import columns (one row per product, description
 * and SEO) or a generic sheet (one row per draft, every kind). Rows are
 * produced a batch at a time, so a 10,000-product export never sits in memory.
 */
export const exportFormats = ['shopify', 'generic'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportQuerySchema = z.object({
  format: z.enum(exportFormats, { message: 'format must be shopify or generic' }).default('generic'),
  runId: z.uuid('runId must be a run id').optional(),
  /** Approved by default; published pieces can be exported again too. */
  status: z.enum(['approved', 'published']).default('approved'),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain paragraphs and highlights as the HTML Shopify's "Body (HTML)" expects; text is escaped, never trusted as markup. */
export function descriptionToHtml(content: { body?: unknown; highlights?: unknown }): string {
  const paragraphs = String(content.body ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`);
  const highlights = Array.isArray(content.highlights) ? content.highlights.map(String) : [];
  if (highlights.length > 0) {
    paragraphs.push(`<ul>${highlights.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
  }
  return paragraphs.join('\n');
}

/** One readable line of a draft's content, for spreadsheets and the review list. */
export function contentSummary(kind: DraftListItem['kind'], content: unknown): string {
  const value = (content ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'description':
      return String(value.body ?? '');
    case 'seo':
      return `${value.title ?? ''} — ${value.metaDescription ?? ''}`;
    case 'ad_google':
      return [...((value.headlines as string[]) ?? []), ...((value.descriptions as string[]) ?? [])].join(' | ');
    case 'ad_meta':
      return ((value.variants as { headline: string; primaryText: string }[]) ?? [])
        .map((variant) => `${variant.headline}: ${variant.primaryText}`)
        .join(' | ');
    case 'ad_tiktok':
      return ((value.variants as { hook: string; text: string }[]) ?? [])
        .map((variant) => `${variant.hook} ${variant.text}`)
        .join(' | ');
    case 'review_analysis':
      return `${value.sentiment ?? ''}: ${((value.themes as { theme: string }[]) ?? []).map((theme) => theme.theme).join(', ')}`;
    case 'translation':
      return contentSummary(String(value.sourceKind) as DraftListItem['kind'], value.content);
  }
}

const genericHeader = [
  'draft_id',
  'product_handle',
  'product_title',
  'kind',
  'language',
  'status',
  'text',
  'content_json',
];
/**
 * The generic sheet is opened in Excel or Sheets, which run a cell starting
 * with = + - @ (or a tab or return) as a formula: "-20% today" or a hostile
 * product title would. A leading apostrophe shows the text as written.
 * Shopify's import reads plain text, so its columns are left alone.
 */
export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const shopifyHeader = ['Handle', 'Title', 'Body (HTML)', 'SEO Title', 'SEO Description'];

export async function* exportApprovedContent(
  prisma: PrismaClient,
  workspaceId: string,
  query: ExportQuery,
): AsyncGenerator<string> {
  const filter = { status: query.status, ...(query.runId ? { runId: query.runId } : {}) };
  if (query.format === 'generic') {
    yield stringify([genericHeader]);
    let batch: string[][] = [];
    for await (const draft of streamDrafts(prisma, workspaceId, filter)) {
      batch.push(
        [
          draft.id,
          draft.product?.handle ?? '',
          draft.product?.title ?? '',
          kindLabels[draft.kind],
          draft.language,
          draft.status,
          contentSummary(draft.kind, draft.content),
          JSON.stringify(draft.content),
        ].map(spreadsheetSafe),
      );
      if (batch.length >= 500) {
        yield stringify(batch);
        batch = [];
      }
    }
    if (batch.length > 0) yield stringify(batch);
    return;
  }

  // Shopify's import matches rows by Handle; a product's description and SEO drafts become one row.
  yield stringify([shopifyHeader]);
  const rows = new Map<string, string[]>();
  for await (const draft of streamDrafts(prisma, workspaceId, filter)) {
    if (!draft.product || (draft.kind !== 'description' && draft.kind !== 'seo')) continue;
    const row = rows.get(draft.product.id) ?? [draft.product.handle, draft.product.title, '', '', ''];
    const content = (draft.content ?? {}) as Record<string, string>;
    if (draft.kind === 'description') row[2] = descriptionToHtml(content);
    else {
      row[3] = content.title ?? '';
      row[4] = content.metaDescription ?? '';
    }
    rows.set(draft.product.id, row);
  }
  const all = [...rows.values()];
  for (let index = 0; index < all.length; index += 500) yield stringify(all.slice(index, index + 500));
}
