// Values crossing into Sheets. Sheets parses written strings as typed input: '=x' becomes a
// formula, '0812…' a number without its zero. Every string from outside is written as text.

import type { CellValue, ColumnDef } from './schema';

/** Strings that Sheets would not keep as the same text if typed. */
const RISKY =
  /^(?:[=+\-@']|\s*[-+]?[\d.,]+%?\s*$|\s*(?:true|false)\s*$|\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?)/i;

/** A string Sheets stores verbatim: prefixed with an apostrophe when it would be parsed. */
export function asText(value: string): string {
  return RISKY.test(value) ? `'${value}` : value;
}

/** Encodes a record value for its column: text columns always as text. */
export function encodeCell(col: ColumnDef, value: CellValue | null | undefined): CellValue {
  if (value === null || value === undefined) return '';
  if (col.type === 'checkbox') return value === true || value === 'TRUE';
  if (typeof value === 'string') {
    if (value === '') return '';
    // Text columns are formatted as plain text (@) by setup: Sheets stores strings verbatim there,
    // and an apostrophe would be kept as part of the text. Elsewhere, escape what would be parsed.
    if (col.type === 'text') return value;
    return asText(value);
  }
  return value;
}

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A cell read back as a string ('' for empty). Dates as ISO strings. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return isNaN(v.getTime()) ? '' : v.toISOString();
  return String(v);
}

/** A cell read back as epoch ms, or null when empty or not a date. */
export function cellTime(v: unknown): number | null {
  if (isDate(v)) return isNaN(v.getTime()) ? null : v.getTime();
  if (typeof v === 'number' && v > 1e11) return v;
  if (typeof v === 'string' && v !== '') {
    const t = Date.parse(v);
    return isNaN(t) ? null : t;
  }
  return null;
}

export function cellNumber(v: unknown): number | null {
  if (typeof v === 'number') return isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim().replace(',', '.'));
    return isFinite(n) ? n : null;
  }
  return null;
}

export function cellBool(v: unknown): boolean {
  return v === true || (typeof v === 'string' && /^(true|ya|1)$/i.test(v.trim()));
}
