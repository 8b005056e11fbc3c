/** A1 notation. */
import { GasError, MSG } from './errors';

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed A1 reference; a null bound is open ("A:A", "2:2", "A2:A"). */
export interface A1Ref {
  sheet: string | null;
  r1: number | null;
  c1: number | null;
  r2: number | null;
  c2: number | null;
}

const CELL = /^(\$?([A-Za-z]{1,3}))?(\$?(\d+))?$/;

export function parseA1(a1: string): A1Ref {
  let text = a1.trim();
  let sheet: string | null = null;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    text = text.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
    }
  }
  const parts = text.split(':');
  if (parts.length > 2 || text === '') throw new GasError(MSG.rangeNotFound);
  const cells = parts.map((p) => {
    const m = CELL.exec(p);
    if (!m || (!m[2] && !m[4])) throw new GasError(MSG.rangeNotFound);
    const row = m[4] ? Number(m[4]) : null;
    if (row === 0) throw new GasError(MSG.rangeNotFound);
    return { col: m[2] ? lettersToColumn(m[2]) : null, row };
  });
  const [a, b = a] = cells;
  if (parts.length === 1 && (a.col === null || a.row === null)) throw new GasError(MSG.rangeNotFound);
  // "A:B" / "1:2" / "A2:B" / "A2:2"
  const r1 = a.row ?? (b.row === null ? 1 : null);
  const c1 = a.col ?? (b.col === null ? 1 : null);
  if (r1 === null || c1 === null) throw new GasError(MSG.rangeNotFound);
  return {
    sheet,
    r1: Math.min(r1, b.row ?? r1),
    c1: Math.min(c1, b.col ?? c1),
    r2: b.row === null ? null : Math.max(r1, b.row),
    c2: b.col === null ? null : Math.max(c1, b.col),
  };
}

export function toA1(row: number, col: number, numRows = 1, numCols = 1): string {
  const start = columnToLetters(col) + row;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnToLetters(col + numCols - 1)}${row + numRows - 1}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
