/**
 * SpreadsheetApp and its Spreadsheet objects, over the model (emu.spreadsheets). Writes that only
 * change cells or formats are buffered in the execution (Ctx.defer) and applied at the next read,
 * at flush() and at the end of the execution.
 */
import { parseA1 } from '../../a1';
import { describeTypes, GasError, MSG } from '../../errors';
import { type Ctx, Facade, instrument } from '../../execution';
import type { SheetModel, SpreadsheetModel } from '../../model';
import { isPlainObject } from '../../realm';
import { assertTimeZone } from '../../time';
import { BlobFacade, minimalPdf, UserFacade } from '../base';
import { provide } from './links';
import { ProtectionFacade, ProtectionType } from './protection';
import { RangeFacade } from './range';
import { SheetFacade } from './sheet';
import { UiFacade } from './ui';
import { DataValidationBuilderFacade, DataValidationCriteria } from './validation';

// ---- SpreadsheetApp ----------------------------------------------------------------------------

export class SpreadsheetAppService extends Facade {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly Dimension = { COLUMNS: 'COLUMNS', ROWS: 'ROWS' };
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  readonly BorderStyle = {
    DOTTED: 'DOTTED',
    DASHED: 'DASHED',
    SOLID: 'SOLID',
    SOLID_MEDIUM: 'SOLID_MEDIUM',
    SOLID_THICK: 'SOLID_THICK',
    DOUBLE: 'DOUBLE',
  };

  getActive(): SpreadsheetFacade {
    return new SpreadsheetFacade(this._ctx, this._ctx.emu.spreadsheet);
  }

  getActiveSpreadsheet(): SpreadsheetFacade {
    return new SpreadsheetFacade(this._ctx, this._ctx.emu.spreadsheet);
  }

  getActiveSheet(): SheetFacade {
    return new SheetFacade(this._ctx, activeSheetOf(this._ctx.emu.spreadsheet));
  }

  openById(id: string): SpreadsheetFacade {
    const ss = this._ctx.emu.spreadsheets.get(String(id));
    if (!ss) {
      throw new GasError(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    }
    return new SpreadsheetFacade(this._ctx, ss);
  }

  openByUrl(url: string): SpreadsheetFacade {
    const m = /\/d\/([^/]+)/.exec(String(url));
    const ss = m ? this._ctx.emu.spreadsheets.get(m[1]) : undefined;
    if (!ss) {
      throw new GasError(
        'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
      );
    }
    return new SpreadsheetFacade(this._ctx, ss);
  }

  create(name: string, rows?: number, columns?: number): SpreadsheetFacade {
    // In the Drive of the user running the script, created by the script.
    const ss = this._ctx.emu.createSpreadsheet(String(name), {
      rows,
      columns,
      owner: this._ctx.effectiveUser,
      byScript: true,
    });
    return new SpreadsheetFacade(this._ctx, ss);
  }

  flush(): void {
    this._ctx.flush();
  }

  getUi(): UiFacade {
    // A menu, a dialog, a simple trigger of the open document: there is a user interface.
    if (this._ctx.kind !== 'editor' && this._ctx.kind !== 'simpleTrigger') throw new GasError(MSG.uiContext);
    return new UiFacade(this._ctx);
  }

  newDataValidation(): DataValidationBuilderFacade {
    return new DataValidationBuilderFacade(this._ctx, {
      criteria: '',
      values: [],
      allowInvalid: true,
      helpText: null,
    });
  }
}
instrument(SpreadsheetAppService, 'SpreadsheetApp');

function activeSheetOf(ss: SpreadsheetModel): SheetModel {
  return ss.sheets.find((s) => !s.hidden) ?? ss.sheets[0];
}

export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

/**
 * A spreadsheet exported (Spreadsheet.getAs, DriveApp File.getAs/getBlob): only PDF, as a minimal
 * one-page PDF of the visible sheets' display values (a trashed spreadsheet still exports).
 */
export function spreadsheetAs(ctx: Ctx, model: SpreadsheetModel, contentType: string): BlobFacade {
  if (contentType !== 'application/pdf') {
    throw new GasError(`Converting from ${SPREADSHEET_MIME} to ${contentType} is not supported.`);
  }
  const text = model.sheets
    .filter((s) => !s.hidden)
    .map((s) => [s.name, ...s.getDisplayValues().map((r) => r.join('  '))].join('\n'))
    .join('\n\n');
  return new BlobFacade(ctx, minimalPdf(text), 'application/pdf', `${model.name}.pdf`);
}

// ---- Spreadsheet -------------------------------------------------------------------------------

export class SpreadsheetFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _model: SpreadsheetModel,
  ) {
    super(ctx);
  }

  getId(): string {
    return this._model.id;
  }

  getName(): string {
    return this._model.name;
  }

  rename(name: string): void {
    this._model.name = String(name);
  }

  getUrl(): string {
    return this._model.url;
  }

  getSheetByName(name: string): SheetFacade | null {
    const s = this._model.getSheetByName(name);
    return s ? new SheetFacade(this._ctx, s) : null;
  }

  getSheetById(id: number): SheetFacade | null {
    const s = this._model.getSheetById(id);
    return s ? new SheetFacade(this._ctx, s) : null;
  }

  getSheets(): SheetFacade[] {
    return this._model.sheets.map((s) => new SheetFacade(this._ctx, s));
  }

  getNumSheets(): number {
    return this._model.sheets.length;
  }

  getActiveSheet(): SheetFacade {
    return new SheetFacade(this._ctx, activeSheetOf(this._model));
  }

  setActiveSheet(sheet: SheetFacade): SheetFacade {
    return sheet;
  }

  insertSheet(a?: unknown, b?: unknown): SheetFacade {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    else if (a !== undefined && !isPlainObject(a)) {
      throw new GasError(
        MSG.signature(
          describeTypes([a, b].filter((x) => x !== undefined)),
          'SpreadsheetApp.Spreadsheet.insertSheet',
        ),
      );
    }
    return new SheetFacade(this._ctx, this._model.insertSheet(name, index));
  }

  deleteSheet(sheet: SheetFacade): void {
    if (!(sheet instanceof SheetFacade)) {
      throw new GasError(MSG.signature(describeTypes([sheet]), 'SpreadsheetApp.Spreadsheet.deleteSheet'));
    }
    this._model.deleteSheet(sheet._sheet);
  }

  getSpreadsheetTimeZone(): string {
    return this._model.timeZone;
  }

  /** Date cells keep their wall-clock time, so the instants they hold move (SpreadsheetModel.setTimeZone). */
  setSpreadsheetTimeZone(tz: string): void {
    this._model.setTimeZone(assertTimeZone(tz));
  }

  getSpreadsheetLocale(): string {
    return this._model.locale;
  }

  /** The locale by which typed input is read (en_US: 11/23/2026, 1,234.5; id_ID: 23/11/2026, 1.234,5). */
  setSpreadsheetLocale(locale: string): void {
    if (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale)) {
      throw new GasError(MSG.invalidArgument('locale'));
    }
    this._model.locale = locale;
  }

  toast(message: unknown, title?: unknown, timeoutSeconds?: number): void {
    this._ctx.emu.ui.toasts.push({
      at: this._ctx.emu.clock.now(),
      message: String(message),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  getOwner(): UserFacade {
    return new UserFacade(this._ctx, this._model.owner);
  }

  getEditors(): UserFacade[] {
    const emails = [this._model.owner, ...this._model.editors.filter((e) => e !== this._model.owner)];
    return emails.map((e) => new UserFacade(this._ctx, e));
  }

  getViewers(): UserFacade[] {
    return [];
  }

  addEditor(user: unknown): SpreadsheetFacade {
    const email = user instanceof UserFacade ? user.getEmail() : String(user);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new GasError(MSG.invalidArgument('email'));
    if (!this._model.editors.includes(email) && email !== this._model.owner) this._model.editors.push(email);
    return this;
  }

  addEditors(emails: string[]): SpreadsheetFacade {
    for (const e of emails) this.addEditor(e);
    return this;
  }

  removeEditor(user: unknown): SpreadsheetFacade {
    const email = user instanceof UserFacade ? user.getEmail() : String(user);
    this._model.editors = this._model.editors.filter((e) => e !== email);
    return this;
  }

  getAs(contentType: string): BlobFacade {
    return spreadsheetAs(this._ctx, this._model, contentType);
  }

  getBlob(): BlobFacade {
    return this.getAs('application/pdf');
  }

  getRange(a1: string): RangeFacade {
    const ref = parseA1(String(a1));
    const sheet = ref.sheet === null ? activeSheetOf(this._model) : this._model.getSheetByName(ref.sheet);
    if (!sheet) throw new GasError(MSG.rangeNotFound);
    const bang = String(a1).lastIndexOf('!');
    return new RangeFacade(
      this._ctx,
      sheet,
      sheet.resolveA1(bang >= 0 ? String(a1).slice(bang + 1) : String(a1)),
    );
  }

  getRangeByName(): null {
    return null;
  }

  getProtections(type: string): ProtectionFacade[] {
    return this._model.sheets.flatMap((s) =>
      s.protections
        .filter((p) => p.type === String(type))
        .map((p) => new ProtectionFacade(this._ctx, s, p.id)),
    );
  }
}
instrument(SpreadsheetFacade, 'SpreadsheetApp.Spreadsheet');
provide('Spreadsheet', SpreadsheetFacade);
