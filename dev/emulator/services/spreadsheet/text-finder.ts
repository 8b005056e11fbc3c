/** TextFinder (Sheet/Range.createTextFinder): matches over the stored cells, replacements. */
import { GasError, MSG } from '../../errors';
import { type Ctx, Facade, instrument } from '../../execution';
import type { GridRect, SheetModel } from '../../model';
import { linked, rectOfRange } from './links';
import type { RangeFacade } from './range';

export class TextFinderFacade extends Facade {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private formulaText = false;
  private current: { r: number; c: number } | null = null;

  constructor(
    ctx: Ctx,
    private readonly sheet: SheetModel,
    private readonly rect: GridRect | null,
    private readonly findText: string,
  ) {
    super(ctx);
    if (typeof findText !== 'string' || findText === '') {
      throw new GasError(MSG.invalidArgument('findText'));
    }
  }

  matchCase(matchCase: boolean): TextFinderFacade {
    this.caseSensitive = !!matchCase;
    return this;
  }

  matchEntireCell(entireCell: boolean): TextFinderFacade {
    this.entireCell = !!entireCell;
    return this;
  }

  useRegularExpression(useRegEx: boolean): TextFinderFacade {
    this.regex = !!useRegEx;
    return this;
  }

  matchFormulaText(matchFormulaText: boolean): TextFinderFacade {
    this.formulaText = !!matchFormulaText;
    return this;
  }

  ignoreDiacritics(): TextFinderFacade {
    return this;
  }

  startFrom(startRange: RangeFacade): TextFinderFacade {
    const { rect } = rectOfRange(startRange, 'SpreadsheetApp.TextFinder.startFrom');
    this.current = { r: rect.r, c: rect.c };
    return this;
  }

  private _bounds(): GridRect {
    const rect = this.rect ?? { r: 1, c: 1, nr: this.sheet.maxRows, nc: this.sheet.maxCols };
    const lastStored = Math.min(rect.r + rect.nr - 1, this.sheet.rows.length);
    return { r: rect.r, c: rect.c, nr: Math.max(0, lastStored - rect.r + 1), nc: rect.nc };
  }

  /** The test a cell's text must pass, built once per search (options may change between calls). */
  private _matcher(): (text: string) => boolean {
    if (this.regex) {
      const re = new RegExp(
        this.entireCell ? `^(?:${this.findText})$` : this.findText,
        this.caseSensitive ? '' : 'i',
      );
      return (text) => re.test(text);
    }
    const b = this.caseSensitive ? this.findText : this.findText.toLowerCase();
    return (text) => {
      const a = this.caseSensitive ? text : text.toLowerCase();
      return this.entireCell ? a === b : a.includes(b);
    };
  }

  private _matches(r: number, c: number, test = this._matcher()): boolean {
    const cell = this.sheet.cell(r, c);
    if (!cell) return false;
    // A typed-in string shows as itself (no format changes text); anything else as Sheets shows it.
    const text =
      this.formulaText && cell.f !== undefined
        ? cell.f
        : cell.f === undefined && typeof cell.v === 'string'
          ? cell.v
          : this.sheet.displayValue(r, c);
    return text !== '' && test(text);
  }

  /** Matching cells in reading order (row by row), from the top or from the bottom. */
  private *_scan(backwards = false): Generator<{ r: number; c: number }> {
    const b = this._bounds();
    const test = this._matcher();
    const last = b.r + b.nr - 1;
    for (let i = 0; i < b.nr; i++) {
      const r = backwards ? last - i : b.r + i;
      if (!this.sheet.rows[r - 1]) continue;
      for (let j = 0; j < b.nc; j++) {
        const c = backwards ? b.c + b.nc - 1 - j : b.c + j;
        if (this._matches(r, c, test)) yield { r, c };
      }
    }
  }

  private _all(): Array<{ r: number; c: number }> {
    const b = this._bounds();
    const test = this._matcher();
    const out: Array<{ r: number; c: number }> = [];
    for (let r = b.r; r < b.r + b.nr; r++) {
      if (!this.sheet.rows[r - 1]) continue;
      for (let c = b.c; c < b.c + b.nc; c++) if (this._matches(r, c, test)) out.push({ r, c });
    }
    return out;
  }

  private _rangeAt(p: { r: number; c: number }): RangeFacade {
    const Range = linked('Range');
    return new Range(this._ctx, this.sheet, { r: p.r, c: p.c, nr: 1, nc: 1 });
  }

  findNext(): RangeFacade | null {
    const cur = this.current;
    let next: { r: number; c: number } | undefined;
    for (const p of this._scan()) {
      if (!cur || p.r > cur.r || (p.r === cur.r && p.c > cur.c)) {
        next = p;
        break;
      }
    }
    if (!next) return null;
    this.current = next;
    return this._rangeAt(next);
  }

  findPrevious(): RangeFacade | null {
    const cur = this.current;
    let prev: { r: number; c: number } | undefined;
    for (const p of this._scan(true)) {
      if (!cur || p.r < cur.r || (p.r === cur.r && p.c < cur.c)) {
        prev = p;
        break;
      }
    }
    if (!prev) return null;
    this.current = prev;
    return this._rangeAt(prev);
  }

  findAll(): RangeFacade[] {
    return this._all().map((p) => this._rangeAt(p));
  }

  getCurrentMatch(): RangeFacade | null {
    return this.current ? this._rangeAt(this.current) : null;
  }

  private _replaceIn(r: number, c: number, replaceText: string): void {
    const cell = this.sheet.cell(r, c);
    if (!cell || cell.v === undefined || typeof cell.v !== 'string') {
      const text = this.sheet.displayValue(r, c);
      this.sheet.writeInput(r, c, this._replaceString(text, replaceText));
      return;
    }
    cell.v = this._replaceString(cell.v, replaceText);
  }

  private _replaceString(text: string, replaceText: string): string {
    const flags = this.caseSensitive ? 'g' : 'gi';
    const pattern = this.regex ? this.findText : this.findText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return text.replace(new RegExp(this.entireCell ? `^(?:${pattern})$` : pattern, flags), replaceText);
  }

  replaceAllWith(replaceText: string): number {
    const all = this._all();
    for (const p of all) this._replaceIn(p.r, p.c, String(replaceText));
    return all.length;
  }

  replaceWith(replaceText: string): number {
    if (!this.current || !this._matches(this.current.r, this.current.c)) return 0;
    this._replaceIn(this.current.r, this.current.c, String(replaceText));
    return 1;
  }
}
instrument(TextFinderFacade, 'SpreadsheetApp.TextFinder');
