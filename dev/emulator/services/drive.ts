/**
 * DriveApp, minimal: the files are the emulated spreadsheets (emu.spreadsheets). getFileById hands
 * out a File that can be trashed (recorded on the spreadsheet: `emu.spreadsheets.get(id).trashed`;
 * a trashed spreadsheet still opens with SpreadsheetApp.openById, as on Google) and exported as
 * PDF. Any other id gets Google's "No item with the given ID" error. Exports read the model as it
 * is: an execution's buffered sheet writes are not applied first (Drive does not see them either).
 */
import { describeTypes, GasError, MSG } from '../errors';
import { type Ctx, Facade, instrument } from '../execution';
import type { SpreadsheetModel } from '../model';
import type { BlobFacade } from './base';
import { SPREADSHEET_MIME, spreadsheetAs } from './spreadsheet';

export class DriveAppFacade extends Facade {
  getFileById(id: string): DriveFileFacade {
    const ss = this._ctx.emu.spreadsheets.get(String(id));
    if (!ss) throw new GasError(MSG.driveNoItem);
    return new DriveFileFacade(this._ctx, ss);
  }
}
instrument(DriveAppFacade, 'DriveApp');

export class DriveFileFacade
  extends Facade
  implements Pick<GoogleAppsScript.Drive.File, 'getId' | 'getName' | 'isTrashed' | 'getUrl' | 'getMimeType'>
{
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

  getMimeType(): string {
    return SPREADSHEET_MIME;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._model.id}/edit?usp=drivesdk`;
  }

  isTrashed(): boolean {
    return this._model.trashed;
  }

  setTrashed(trashed: boolean): DriveFileFacade {
    if (typeof trashed !== 'boolean') {
      throw new GasError(MSG.signature(describeTypes([trashed]), 'DriveApp.File.setTrashed'));
    }
    this._model.trashed = trashed;
    return this;
  }

  /** A Google Sheets file's blob is its PDF export. */
  getBlob(): BlobFacade {
    return spreadsheetAs(this._ctx, this._model, 'application/pdf');
  }

  getAs(contentType: string): BlobFacade {
    return spreadsheetAs(this._ctx, this._model, String(contentType));
  }
}
instrument(DriveFileFacade, 'DriveApp.File');
