import { formatMinorUnits } from '../../modules/catalog';

/** 12900 EUR → "€129.00" for the admin's tables; a code Intl does not know → "129.00 XYZ". */
export function formatMoney(cents: number, currency: string): string {
  const amount = formatMinorUnits(cents, currency);
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.trim() }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}
