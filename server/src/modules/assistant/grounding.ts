/**
 * The assistant may only state prices and stock levels that retrieval returned.
 * Model text streams through this guard: a sentence that mentions an amount of
 * money or a stock count is held back until it is complete, checked against the
 * facts the tools returned, and dropped if it states one they do not contain.
 * Sentences without such numbers pass straight through, so streaming stays live.
 */
export interface GroundingFacts {
  /** Money amounts in minor units (cents) that retrieval returned. */
  amountsInCents: Set<number>;
  /** Stock counts that retrieval returned. */
  stockCounts: Set<number>;
}

export function createFacts(): GroundingFacts {
  return { amountsInCents: new Set(), stockCounts: new Set() };
}

const currency = String.raw`(?:[$€£¥]|US\$|USD|EUR|GBP|CAD|AUD|CHF)`;
const amount = String.raw`\d{1,3}(?:[,\s]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const moneyPatterns = [
  new RegExp(String.raw`${currency}\s?(${amount})`, 'gi'),
  new RegExp(String.raw`(${amount})\s?(?:${currency}|dollars?|euros?|pounds?)`, 'gi'),
];
const stockPattern = /\b(\d+)\s+(?:(?:units?|items?|pieces?|pairs?)\s+)?(?:left|in stock|available|remaining)\b/gi;
// A sentence ends at . ! or ? followed by whitespace (which it keeps), or at a line break.
const sentenceEnd = /[.!?]+\s+|\n+/g;

export function parseAmountToCents(text: string): number {
  const compact = text.replace(/\s/g, '');
  // "1,299.00" / "1.299,00" / "129,5": the last separator followed by 1–2 digits is the decimal one.
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const whole = (decimal ? compact.slice(0, decimal.index) : compact).replace(/[.,]/g, '');
  const fraction = decimal?.[1]?.padEnd(2, '0') ?? '00';
  return Number(whole) * 100 + Number(fraction);
}

/** The money amounts and stock counts a piece of text states. */
export function findClaims(text: string): { amounts: number[]; stock: number[] } {
  const amounts = new Set<number>();
  for (const pattern of moneyPatterns) {
    for (const match of text.matchAll(pattern)) if (match[1]) amounts.add(parseAmountToCents(match[1]));
  }
  const stock = [...text.matchAll(stockPattern)].map((match) => Number(match[1]));
  return { amounts: [...amounts], stock };
}

export function isGrounded(sentence: string, facts: GroundingFacts): boolean {
  const claims = findClaims(sentence);
  return (
    claims.amounts.every((cents) => facts.amountsInCents.has(cents)) &&
    claims.stock.every((count) => facts.stockCounts.has(count))
  );
}

const mayStartClaim = /[$€£¥\d]|USD|EUR|GBP/i;

export interface GroundedStream {
  /** Feed model text; returns the text that is safe to show now. */
  push(text: string): string;
  /** End of the reply: releases (or drops) what is still held. */
  flush(): string;
  /** Everything shown so far, i.e. the reply as stored. */
  readonly text: string;
  readonly withheld: number;
}

export function createGroundedStream(facts: GroundingFacts): GroundedStream {
  /** Text of the current sentence not shown yet (it may hold a claim). */
  let pending = '';
  /** Text of the current sentence already shown (it had no number so far). */
  let partial = '';
  let shown = '';
  let withheld = 0;

  function release(final: boolean): string {
    const before = shown;
    for (;;) {
      sentenceEnd.lastIndex = 0;
      const end = sentenceEnd.exec(pending);
      if (!end) break;
      const rest = pending.slice(0, end.index + end[0].length);
      pending = pending.slice(rest.length);
      finishSentence(rest);
    }
    if (final) {
      finishSentence(pending);
      pending = '';
    } else if (!mayStartClaim.test(pending)) {
      // No number in the unfinished sentence yet: nothing to verify, show it now.
      shown += pending;
      partial += pending;
      pending = '';
    }
    // What to send now: the new text, unless a withheld sentence took back text already sent.
    return shown.startsWith(before) ? shown.slice(before.length) : '';
  }

  function finishSentence(rest: string): void {
    if (isGrounded(partial + rest, facts)) shown += rest;
    else {
      // Drop the whole sentence, including its beginning that was already streamed;
      // the completed reply (which replaces the streamed text) will not contain it.
      shown = shown.slice(0, shown.length - partial.length);
      withheld++;
    }
    partial = '';
  }

  return {
    push: (text) => {
      pending += text;
      return release(false);
    },
    flush: () => release(true),
    get text() {
      return shown;
    },
    get withheld() {
      return withheld;
    },
  };
}
