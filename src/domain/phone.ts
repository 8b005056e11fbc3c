/** Phone numbers of citizens and officers: one normal form (digits with country code, 62…). */

/** Indonesia's country calling code. */
export const INDONESIA_CODE = '62';

/**
 * Digits with the country code: `0812…` → `62812…`, `+62 812-…` → `62812…`, `0062…` → `62…`,
 * `62…` kept, other country codes kept as digits (`+1 555…` → `1555…`). Empty when no digits.
 * A number without 0 or country code (`812…`) is left as is: WhatsApp ids always carry a
 * country code, and `81…` is also Japan's.
 */
export function normalizePhone(input: string | number): string {
  const text = String(input).trim();
  const digits = text.replace(/\D/g, '');
  if (digits === '') return '';
  if (text.startsWith('+')) return digits;
  if (digits.startsWith('00')) return digits.slice(2);
  if (digits.startsWith('0')) return INDONESIA_CODE + digits.slice(1);
  return digits;
}

export function isIndonesianNumber(input: string | number): boolean {
  return normalizePhone(input).startsWith(INDONESIA_CODE);
}

/** The local form of an Indonesian number (`62812…` → `0812…`); other numbers as `+<digits>`. */
export function localPhone(input: string | number): string {
  const digits = normalizePhone(input);
  if (digits === '') return '';
  return digits.startsWith(INDONESIA_CODE) ? '0' + digits.slice(2) : '+' + digits;
}

/**
 * For reports and logs: `0812****7890` (first 4 and last 4 digits of the local form kept);
 * numbers shorter than 10 digits show only their last 2. Foreign numbers keep their `+`
 * (`+1555***4567`).
 */
export function maskPhone(input: string | number): string {
  const local = localPhone(input);
  if (local === '') return '';
  const prefix = local.startsWith('+') ? '+' : '';
  const digits = local.replace(/\D/g, '');
  if (digits.length >= 10) {
    return prefix + digits.slice(0, 4) + '*'.repeat(digits.length - 8) + digits.slice(-4);
  }
  const shown = Math.min(2, digits.length);
  return '*'.repeat(digits.length - shown) + digits.slice(digits.length - shown);
}

/** Looks like a phone number: only digits and `+ - ( ) . space`, 8–15 digits once normalised. */
export function isLikelyPhone(input: string | number): boolean {
  const text = String(input).trim();
  if (!/^\+?[\d\s\-().]+$/.test(text)) return false;
  const digits = normalizePhone(text);
  return digits.length >= 8 && digits.length <= 15;
}

/** DESIGN §3.7: `https://wa.me/<digits>?text=<encoded>` (no `text` when empty). */
export function waMeLink(number: string | number, text?: string): string {
  const base = `https://wa.me/${normalizePhone(number)}`;
  return text ? `${base}?text=${encodeURIComponent(text)}` : base;
}
