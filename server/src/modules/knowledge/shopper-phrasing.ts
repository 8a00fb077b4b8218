/**
 * Shoppers ask "can I send it back?"; policies say "returns". These rules add
 * the words a store's policy pages use for what the shopper means, so the
 * full-text search can meet them. English only, like the text-search
 * configuration; a rule adds words, it never removes the shopper's own.
 */
const rules: Array<[RegExp, string[]]> = [
  [
    /\b(send|bring|take|give|post|ship)\b.{0,12}\bback\b|\breturn(s|ing|ed)?\b|\bmoney back\b/,
    ['return', 'refund', 'exchange'],
  ],
  [/\brefund(s|ed)?\b|\bmoney\b/, ['refund', 'return']],
  [
    /\b(swap|exchange|wrong size|does ?n[o']?t fit|too (small|big|large|tight|loose))\b/,
    ['exchange', 'return', 'size'],
  ],
  [
    /\b(deliver(y|ed|s)?|arriv(e|es|al)|how long|ship(ping|ped|s)?|postage|courier|dispatch(ed)?)\b/,
    ['shipping', 'delivery'],
  ],
  [/\b(track(ing)?|where('s| is) my (order|parcel|package)|parcel|package)\b/, ['tracking', 'shipping']],
  [/\b(pay(ment|ing)?|card|paypal|klarna|afterpay|installments?|apple pay|invoice)\b/, ['payment']],
  [/\b(broken|damaged|defect(ive)?|faulty|warrant(y|ies)|guarantee|repair(s|ed)?)\b/, ['warranty', 'repair', 'damage']],
  [/\b(siz(e|es|ing)|fit(s|ting)?|measurements?|too (small|big))\b/, ['size', 'fit']],
  [/\bcancel(l?ation|l?ed|l?ing)?\b/, ['cancel', 'order']],
  [/\b(discount|coupon|promo(tion)?|voucher|code|sale)\b/, ['discount', 'promotion']],
  [/\b(contact|phone|e-?mail|call|talk to|human|person|support)\b/, ['contact', 'support']],
  [/\b(international(ly)?|abroad|overseas|customs|duties|import)\b/, ['international', 'shipping', 'customs']],
  [/\b(privacy|personal data|gdpr|cookies?)\b/, ['privacy']],
  [/\bgift ?(card|wrap(ping)?)\b/, ['gift']],
];

export function expandShopperPhrasing(text: string): string[] {
  const lower = text.toLowerCase();
  const words = new Set<string>();
  for (const [pattern, additions] of rules) if (pattern.test(lower)) for (const word of additions) words.add(word);
  return [...words];
}
