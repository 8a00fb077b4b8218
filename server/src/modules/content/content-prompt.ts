import type { ChatRequest } from '../../ai';
import type { WorkspaceSettings } from '../tenancy';
import { type ContentKind, contentSchemas, kindLabels, limits } from './content-kinds';

/**
 * Prompts for every content kind. The version is stored on each draft and
 * revision, so a reviewer can tell which wording produced a piece; change it
 * whenever the text below changes meaning.
 */
export const PROMPT_VERSION = 'content-2026-11-22.1';

export type BrandVoice = WorkspaceSettings['brandVoice'];

export interface ProductFacts {
  title: string;
  description: string;
  category: string | null;
  vendor: string | null;
  tags: string[];
  /** "Size: M, Colour: Navy — 49.00 EUR" lines, at most a handful. */
  variants: string[];
}

export type PromptSubject =
  | { kind: Exclude<ContentKind, 'review_analysis' | 'translation'>; product: ProductFacts }
  | { kind: 'review_analysis'; product: ProductFacts | null; reviews: string }
  | { kind: 'translation'; sourceKind: ContentKind; content: unknown };

const lengthWords = { short: '50–80', medium: '120–180', long: '250–350' } as const;

export function brandVoiceInstructions(voice: BrandVoice): string {
  const lines = ['Write in the store’s brand voice.'];
  if (voice.tone) lines.push(`Tone: ${voice.tone}`);
  if (voice.wordsToUse.length > 0)
    lines.push(`Words and phrases to use where they fit: ${voice.wordsToUse.join(', ')}`);
  if (voice.wordsToAvoid.length > 0) lines.push(`Never use these words: ${voice.wordsToAvoid.join(', ')}`);
  for (const [index, example] of voice.examples.entries()) {
    lines.push(`Example ${index + 1} of the store’s writing (match its style, not its facts):\n"""${example}"""`);
  }
  return lines.join('\n');
}

function kindInstructions(subject: PromptSubject, voice: BrandVoice): string {
  switch (subject.kind) {
    case 'description':
      return `Write a product description of ${lengthWords[voice.descriptionLength]} words in plain paragraphs (no HTML, no Markdown), plus up to 6 short highlights.`;
    case 'seo':
      return `Write an SEO page title of at most ${limits.seoTitle} characters and a meta description of at most ${limits.seoDescription} characters. Count characters; never exceed the limits.`;
    case 'ad_meta':
      return `Write 3 Meta (Facebook/Instagram) ad variants: primary text up to ${limits.metaPrimaryText} characters and a headline up to ${limits.metaHeadline} characters.`;
    case 'ad_google':
      return `Write a Google responsive search ad: 5 to 15 headlines of at most ${limits.googleHeadline} characters each and 2 to 4 descriptions of at most ${limits.googleDescription} characters each. Count characters; never exceed the limits.`;
    case 'ad_tiktok':
      return `Write 3 TikTok ad variants, each a hook and an on-screen text of at most ${limits.tiktokText} characters.`;
    case 'review_analysis':
      return 'Analyse the customer reviews below: overall sentiment, the recurring themes with their sentiment and how many reviews mention each, and concrete fixes the store could make.';
    case 'translation':
      return `Translate the ${kindLabels[subject.sourceKind].toLowerCase()} below. Keep its structure, meaning and character limits; adapt idioms rather than translating word for word.`;
  }
}

function productBlock(product: ProductFacts): string {
  const lines = [`Product: ${product.title}`];
  if (product.vendor) lines.push(`Brand: ${product.vendor}`);
  if (product.category) lines.push(`Category: ${product.category}`);
  if (product.tags.length > 0) lines.push(`Tags: ${product.tags.join(', ')}`);
  if (product.variants.length > 0) lines.push(`Variants:\n- ${product.variants.join('\n- ')}`);
  if (product.description) lines.push(`Current description:\n"""${product.description.slice(0, 4_000)}"""`);
  return lines.join('\n');
}

function subjectBlock(subject: PromptSubject): string {
  switch (subject.kind) {
    case 'review_analysis':
      return [
        subject.product ? productBlock(subject.product) : '',
        `Reviews:\n"""${subject.reviews.slice(0, 20_000)}"""`,
      ]
        .filter(Boolean)
        .join('\n\n');
    case 'translation':
      return `Content to translate (JSON):\n${JSON.stringify(subject.content)}`;
    default:
      return productBlock(subject.product);
  }
}

/** The model request for one draft. Deterministic for the same inputs, so the AI engine's cache can serve repeats. */
export function buildContentRequest(subject: PromptSubject, voice: BrandVoice, language: string): ChatRequest {
  const schemaKind = subject.kind === 'translation' ? subject.sourceKind : subject.kind;
  const system = [
    'You write e-commerce content for an online store. Use only the facts given; never invent materials, sizes, certifications, prices or claims.',
    brandVoiceInstructions(voice),
    kindInstructions(subject, voice),
    `Write in the language with the code "${language}".`,
    'Answer with JSON only, matching the given schema.',
  ].join('\n\n');
  return {
    system,
    messages: [{ role: 'user', content: subjectBlock(subject) }],
    output: { name: `content_${schemaKind}`, schema: contentSchemas[schemaKind] },
    temperature: 0.7,
    maxOutputTokens: 2_000,
  };
}
