/**
 * Shoppers type order numbers as "#1042", "1042" or " # 1042 "; stores keep
 * them as "#1042" (Shopify) or "1042". Both spellings are looked up. Emails
 * compare trimmed and case-insensitively. Input that cannot be an order number
 * or an email is rejected before the database is asked, which tells nobody
 * anything about which orders exist.
 */
const numberPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export function listOrderNumberSpellings(input: string): string[] {
  const bare = input.normalize('NFKC').replace(/\s+/g, '').replace(/^#+/, '');
  if (!numberPattern.test(bare)) return [];
  return [...new Set([`#${bare}`, bare, `#${bare.toUpperCase()}`, bare.toUpperCase()])];
}

export function normaliseEmail(input: string): string | null {
  const email = input.normalize('NFKC').trim();
  return /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 254 ? email : null;
}
