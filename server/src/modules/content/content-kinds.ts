import { z } from 'zod';
import type { AiTask } from '../../ai';

/**
 * What each content kind produces: a zod schema for the model's structured
 * output (also what people edit, so edits are validated the same way), the AI
 * task that routes it, and a rough output size for cost estimates.
 *
 * Character limits are the platforms' own: Google Ads responsive search ads
 * allow 30-character headlines and 90-character descriptions; search results
 * show about 60 characters of a title and 160 of a meta description.
 */
export const contentKinds = [
  'description',
  'seo',
  'ad_meta',
  'ad_google',
  'ad_tiktok',
  'review_analysis',
  'translation',
] as const;
export type ContentKind = (typeof contentKinds)[number];

/** Kinds generated per product; translation and review analysis have their own inputs. */
export const productKinds = ['description', 'seo', 'ad_meta', 'ad_google', 'ad_tiktok'] as const;

export const limits = {
  seoTitle: 60,
  seoDescription: 160,
  googleHeadline: 30,
  googleDescription: 90,
  metaPrimaryText: 500,
  metaHeadline: 40,
  tiktokText: 100,
} as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

export const descriptionSchema = z.object({
  /** Plain paragraphs separated by blank lines; rendered as text, never as HTML. */
  body: text(5_000),
  highlights: z.array(text(120)).max(6).default([]),
});

export const seoSchema = z.object({
  title: text(limits.seoTitle),
  metaDescription: text(limits.seoDescription),
});

export const metaAdSchema = z.object({
  variants: z
    .array(z.object({ primaryText: text(limits.metaPrimaryText), headline: text(limits.metaHeadline) }))
    .min(1)
    .max(5),
});

export const googleAdSchema = z.object({
  headlines: z.array(text(limits.googleHeadline)).min(3).max(15),
  descriptions: z.array(text(limits.googleDescription)).min(2).max(4),
});

export const tiktokAdSchema = z.object({
  variants: z
    .array(z.object({ hook: text(limits.tiktokText), text: text(limits.tiktokText) }))
    .min(1)
    .max(5),
});

export const reviewAnalysisSchema = z.object({
  sentiment: z.enum(['positive', 'mixed', 'negative']),
  themes: z
    .array(
      z.object({
        theme: text(80),
        sentiment: z.enum(['positive', 'mixed', 'negative']),
        mentions: z.number().int().min(1),
      }),
    )
    .min(1)
    .max(10),
  suggestedFixes: z.array(text(300)).max(8),
});

/** A translation holds the source kind's content in another language, under the same schema. */
export const translationSchema = z.object({ sourceKind: z.string(), content: z.record(z.string(), z.unknown()) });

export const contentSchemas = {
  description: descriptionSchema,
  seo: seoSchema,
  ad_meta: metaAdSchema,
  ad_google: googleAdSchema,
  ad_tiktok: tiktokAdSchema,
  review_analysis: reviewAnalysisSchema,
  translation: translationSchema,
} as const satisfies Record<ContentKind, z.ZodType>;

export const contentTasks: Record<ContentKind, AiTask> = {
  description: 'content.description',
  seo: 'content.seo',
  ad_meta: 'content.ads',
  ad_google: 'content.ads',
  ad_tiktok: 'content.ads',
  review_analysis: 'content.review-analysis',
  translation: 'content.translation',
};

/** Typical output tokens per kind, for estimates before a run (measured on the fake vendors' sizes, rounded up). */
export const expectedOutputTokens: Record<ContentKind, number> = {
  description: 450,
  seo: 80,
  ad_meta: 350,
  ad_google: 300,
  ad_tiktok: 200,
  review_analysis: 500,
  translation: 500,
};

export const kindLabels: Record<ContentKind, string> = {
  description: 'Product description',
  seo: 'SEO title and meta description',
  ad_meta: 'Meta ad copy',
  ad_google: 'Google ad copy',
  ad_tiktok: 'TikTok ad copy',
  review_analysis: 'Review analysis',
  translation: 'Translation',
};

/** Validates edited or generated content for a kind; translations are checked against their source kind. */
export function parseKindContent(
  kind: ContentKind,
  value: unknown,
): { ok: true; content: Record<string, unknown> } | { ok: false; message: string } {
  const schema =
    kind === 'translation'
      ? translationSchema.transform((translation, context) => {
          const inner = contentSchemas[translation.sourceKind as Exclude<ContentKind, 'translation'>];
          if (!inner || translation.sourceKind === 'translation') {
            context.addIssue({ code: 'custom', message: `unknown source kind "${translation.sourceKind}"` });
            return z.NEVER;
          }
          const parsed = inner.safeParse(translation.content);
          if (!parsed.success) {
            for (const issue of parsed.error.issues) context.addIssue({ ...issue, path: ['content', ...issue.path] });
            return z.NEVER;
          }
          return { sourceKind: translation.sourceKind, content: parsed.data };
        })
      : contentSchemas[kind];
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, content: parsed.data as Record<string, unknown> };
  const first = parsed.error.issues[0];
  const where = first?.path.length ? `${first.path.join('.')}: ` : '';
  return { ok: false, message: `${where}${first?.message ?? 'invalid content'}` };
}
