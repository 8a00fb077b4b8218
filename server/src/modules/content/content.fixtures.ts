import type { FakeReply, WireBody } from '../../ai/testing';

/**
 * Valid answers for every content kind, as a model would give them, so fake
 * vendor servers can serve runs of hundreds of drafts. `productTitle` reads
 * the product back out of the request, for per-product behaviour in tests.
 */
export const validContent: Record<string, unknown> = {
  content_description: { body: 'A sturdy everyday piece.\n\nMade to last.', highlights: ['Durable', 'Light'] },
  content_seo: { title: 'Everyday sturdy piece', metaDescription: 'A sturdy everyday piece, made to last.' },
  content_ad_meta: { variants: [{ primaryText: 'Built for every day.', headline: 'Made to last' }] },
  content_ad_google: {
    headlines: ['Made to last', 'Everyday sturdy', 'Shop now'],
    descriptions: ['A sturdy everyday piece.', 'Free returns on every order.'],
  },
  content_ad_tiktok: { variants: [{ hook: 'Wait for it', text: 'The piece that lasts.' }] },
  content_review_analysis: {
    sentiment: 'mixed',
    themes: [{ theme: 'Sizing runs small', sentiment: 'negative', mentions: 2 }],
    suggestedFixes: ['Add a size guide'],
  },
};

/** The structured-output name of an OpenAI Chat Completions request (`content_seo`, …). */
export function schemaName(body: WireBody): string {
  return String(body?.response_format?.json_schema?.name ?? '');
}

export function productTitle(body: WireBody): string {
  const user = (body?.messages ?? []).find((message: { role: string }) => message.role === 'user');
  return /^Product: (.*)$/m.exec(String(user?.content ?? ''))?.[1] ?? '';
}

export function validReply(body: WireBody, extra: Partial<FakeReply> = {}): FakeReply {
  return { json: validContent[schemaName(body)] ?? {}, usage: { inputTokens: 400, outputTokens: 120 }, ...extra };
}
