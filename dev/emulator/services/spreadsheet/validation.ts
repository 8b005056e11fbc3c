/** DataValidation and DataValidationBuilder (SpreadsheetApp.newDataValidation, Range.getDataValidation). */
import { describeTypes, GasError, MSG } from '../../errors';
import { type Ctx, Facade, instrument } from '../../execution';
import type { ValidationSpec } from '../../model';
import { isDate } from '../../realm';
import { linked, rectOfRange } from './links';
import type { RangeFacade } from './range';
import { clone } from './shared';

export const DataValidationCriteria = Object.fromEntries(
  [
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_BETWEEN',
    'DATE_EQUAL_TO',
    'DATE_IS_VALID_DATE',
    'DATE_NOT_BETWEEN',
    'DATE_ON_OR_AFTER',
    'DATE_ON_OR_BEFORE',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN',
    'NUMBER_LESS_THAN_OR_EQUAL_TO',
    'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO',
    'TEXT_CONTAINS',
    'TEXT_DOES_NOT_CONTAIN',
    'TEXT_EQUAL_TO',
    'TEXT_IS_VALID_EMAIL',
    'TEXT_IS_VALID_URL',
    'VALUE_IN_LIST',
    'VALUE_IN_RANGE',
    'CUSTOM_FORMULA',
    'CHECKBOX',
  ].map((k) => [k, k]),
);

function criteriaValuesForScript(ctx: Ctx, spec: ValidationSpec): unknown[] {
  return spec.values.map((v, i) => {
    if (spec.criteria === 'VALUE_IN_RANGE' && i === 0 && typeof v === 'string') {
      const ss = ctx.emu.spreadsheet;
      const Spreadsheet = linked('Spreadsheet');
      try {
        return new Spreadsheet(ctx, ss).getRange(v);
      } catch {
        return v;
      }
    }
    if (spec.criteria.startsWith('DATE_') && typeof v === 'number') return new Date(v);
    return v;
  });
}

export class DataValidationFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _spec: ValidationSpec,
  ) {
    super(ctx);
  }

  getCriteriaType(): string {
    return this._spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return criteriaValuesForScript(this._ctx, this._spec);
  }

  getHelpText(): string | null {
    return this._spec.helpText;
  }

  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }

  copy(): DataValidationBuilderFacade {
    return new DataValidationBuilderFacade(this._ctx, clone(this._spec));
  }
}
instrument(DataValidationFacade, 'SpreadsheetApp.DataValidation');

export class DataValidationBuilderFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _spec: ValidationSpec,
  ) {
    super(ctx);
  }

  private _set(criteria: string, values: unknown[]): DataValidationBuilderFacade {
    this._spec.criteria = criteria;
    this._spec.values = values;
    return this;
  }

  requireValueInList(values: unknown[], showDropdown?: boolean): DataValidationBuilderFacade {
    if (!Array.isArray(values)) {
      throw new GasError(
        MSG.signature(describeTypes([values]), 'SpreadsheetApp.DataValidationBuilder.requireValueInList'),
      );
    }
    return this._set('VALUE_IN_LIST', [values.map((v) => String(v)), showDropdown ?? true]);
  }

  requireValueInRange(range: RangeFacade, showDropdown?: boolean): DataValidationBuilderFacade {
    const { sheet, rect } = rectOfRange(range, 'SpreadsheetApp.DataValidationBuilder.requireValueInRange');
    return this._set('VALUE_IN_RANGE', [sheet.a1(rect, true), showDropdown ?? true]);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilderFacade {
    const values = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    return this._set('CHECKBOX', values);
  }

  requireNumberBetween(start: number, end: number): DataValidationBuilderFacade {
    return this._set('NUMBER_BETWEEN', [Number(start), Number(end)]);
  }

  requireNumberNotBetween(start: number, end: number): DataValidationBuilderFacade {
    return this._set('NUMBER_NOT_BETWEEN', [Number(start), Number(end)]);
  }

  requireNumberGreaterThan(n: number): DataValidationBuilderFacade {
    return this._set('NUMBER_GREATER_THAN', [Number(n)]);
  }

  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilderFacade {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(n)]);
  }

  requireNumberLessThan(n: number): DataValidationBuilderFacade {
    return this._set('NUMBER_LESS_THAN', [Number(n)]);
  }

  requireNumberLessThanOrEqualTo(n: number): DataValidationBuilderFacade {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [Number(n)]);
  }

  requireNumberEqualTo(n: number): DataValidationBuilderFacade {
    return this._set('NUMBER_EQUAL_TO', [Number(n)]);
  }

  requireDate(): DataValidationBuilderFacade {
    return this._set('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: Date): DataValidationBuilderFacade {
    return this._set('DATE_AFTER', [dateMs(date)]);
  }

  requireDateBefore(date: Date): DataValidationBuilderFacade {
    return this._set('DATE_BEFORE', [dateMs(date)]);
  }

  requireDateBetween(start: Date, end: Date): DataValidationBuilderFacade {
    return this._set('DATE_BETWEEN', [dateMs(start), dateMs(end)]);
  }

  requireTextIsEmail(): DataValidationBuilderFacade {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): DataValidationBuilderFacade {
    return this._set('TEXT_IS_VALID_URL', []);
  }

  requireTextContains(text: string): DataValidationBuilderFacade {
    return this._set('TEXT_CONTAINS', [String(text)]);
  }

  requireTextEqualTo(text: string): DataValidationBuilderFacade {
    return this._set('TEXT_EQUAL_TO', [String(text)]);
  }

  requireFormulaSatisfied(formula: string): DataValidationBuilderFacade {
    return this._set('CUSTOM_FORMULA', [String(formula)]);
  }

  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderFacade {
    this._spec.allowInvalid = !!allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): DataValidationBuilderFacade {
    this._spec.helpText = String(helpText);
    return this;
  }

  getCriteriaType(): string {
    return this._spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return criteriaValuesForScript(this._ctx, this._spec);
  }

  getHelpText(): string | null {
    return this._spec.helpText;
  }

  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }

  copy(): DataValidationBuilderFacade {
    return new DataValidationBuilderFacade(this._ctx, clone(this._spec));
  }

  build(): DataValidationFacade {
    if (!this._spec.criteria) throw new GasError('You must specify a criteria for the data validation rule.');
    return new DataValidationFacade(this._ctx, clone(this._spec));
  }
}
instrument(DataValidationBuilderFacade, 'SpreadsheetApp.DataValidationBuilder');

function dateMs(d: unknown): number {
  if (!isDate(d)) throw new GasError(MSG.invalidArgument('date'));
  return d.getTime();
}
