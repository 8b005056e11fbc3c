/** Protection of a sheet or range (Sheet/Range.protect, getProtections). */
import { GasError } from '../../errors';
import { type Ctx, Facade, instrument } from '../../execution';
import type { ProtectionSpec, SheetModel } from '../../model';
import { UserFacade } from '../base';
import { linked, rectOfRange } from './links';
import type { RangeFacade } from './range';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

/** A new protection of a sheet or range: only the owner edits, no description, not warning-only. */
export function addProtection(
  ctx: Ctx,
  sheet: SheetModel,
  type: ProtectionSpec['type'],
  range: ProtectionSpec['range'],
): ProtectionFacade {
  const spec: ProtectionSpec = {
    id: sheet.parent.nextObjectId++,
    type,
    range,
    description: '',
    warningOnly: false,
    editors: [sheet.parent.owner],
    unprotected: [],
    domainEdit: false,
  };
  sheet.protections.push(spec);
  return new ProtectionFacade(ctx, sheet, spec.id);
}

export class ProtectionFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetModel,
    readonly _id: number,
  ) {
    super(ctx);
  }

  private _spec(): ProtectionSpec {
    const p = this._sheet.protections.find((x) => x.id === this._id);
    if (!p) throw new GasError('The protection has been removed.');
    return p;
  }

  getDescription(): string {
    return this._spec().description;
  }

  setDescription(description: string): ProtectionFacade {
    this._spec().description = String(description);
    return this;
  }

  isWarningOnly(): boolean {
    return this._spec().warningOnly;
  }

  setWarningOnly(warningOnly: boolean): ProtectionFacade {
    const p = this._spec();
    p.warningOnly = !!warningOnly;
    if (p.warningOnly) p.editors = [];
    return this;
  }

  getProtectionType(): string {
    return this._spec().type;
  }

  getRange(): RangeFacade {
    const p = this._spec();
    const rect = p.range ?? { r: 1, c: 1, nr: this._sheet.maxRows, nc: this._sheet.maxCols };
    const Range = linked('Range');
    return new Range(this._ctx, this._sheet, { ...rect });
  }

  getEditors(): UserFacade[] {
    return this._spec().editors.map((e) => new UserFacade(this._ctx, e));
  }

  addEditor(user: unknown): ProtectionFacade {
    const email = user instanceof UserFacade ? user.getEmail() : String(user);
    const p = this._spec();
    if (p.warningOnly) throw new GasError('Cannot add editors to a warning-only protection.');
    if (!p.editors.includes(email)) p.editors.push(email);
    return this;
  }

  addEditors(emails: string[]): ProtectionFacade {
    for (const e of emails) this.addEditor(e);
    return this;
  }

  removeEditor(user: unknown): ProtectionFacade {
    const email = user instanceof UserFacade ? user.getEmail() : String(user);
    const p = this._spec();
    p.editors = p.editors.filter((e) => e !== email || e === this._sheet.parent.owner);
    return this;
  }

  removeEditors(emails: string[]): ProtectionFacade {
    for (const e of emails) this.removeEditor(e);
    return this;
  }

  canEdit(): boolean {
    return true;
  }

  canDomainEdit(): boolean {
    return this._spec().domainEdit;
  }

  setDomainEdit(editable: boolean): ProtectionFacade {
    this._spec().domainEdit = !!editable;
    return this;
  }

  getUnprotectedRanges(): RangeFacade[] {
    const Range = linked('Range');
    return this._spec().unprotected.map((r) => new Range(this._ctx, this._sheet, { ...r }));
  }

  setUnprotectedRanges(ranges: RangeFacade[]): ProtectionFacade {
    const p = this._spec();
    if (p.type !== 'SHEET') throw new GasError('Unprotected ranges can only be set on a sheet protection.');
    p.unprotected = ranges.map((r) => rectOfRange(r, 'SpreadsheetApp.Protection.setUnprotectedRanges').rect);
    return this;
  }

  remove(): void {
    this._sheet.protections = this._sheet.protections.filter((x) => x.id !== this._id);
  }
}
instrument(ProtectionFacade, 'SpreadsheetApp.Protection');
