/**
 * Prices are stored as integer hundredths of the major unit (`priceCents`,
 * whatever the currency) and shown as the decimal string the widget expects:
 * 12900 USD → "129.00". The decimals shown follow ISO 4217, so 150000 JPY
 * cents read "1500" and 1250 KWD cents "12.500". Integer arithmetic only.
 */
export function formatMinorUnits(cents: number, currency: string): string {
  const digits = fractionDigits(currency);
  const sign = cents < 0 ? '-' : '';
  const hundredths = Math.abs(Math.round(cents));
  if (digits === 0) return `${sign}${Math.round(hundredths / 100)}`;
  const scaled = digits === 2 ? hundredths : Math.round(hundredths * 10 ** (digits - 2));
  const unit = 10 ** digits;
  return `${sign}${Math.floor(scaled / unit)}.${String(scaled % unit).padStart(digits, '0')}`;
}

const digitsByCurrency = new Map<string, number>();

function fractionDigits(currency: string): number {
  const code = currency.trim().toUpperCase();
  let digits = digitsByCurrency.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits;
    } catch {
      digits = undefined;
    }
    // Not a code Intl accepts (a store's own label): hundredths, like most currencies.
    digits = digits === undefined || digits > 3 ? 2 : digits;
    digitsByCurrency.set(code, digits);
  }
  return digits;
}
