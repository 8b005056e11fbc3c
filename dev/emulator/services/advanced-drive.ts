/**
 * The Drive advanced service (Drive API v3, `Drive` when appsscript.json enables it with
 * `dependencies.enabledAdvancedServices`: developers.google.com/apps-script/advanced/drive), over
 * the emulated spreadsheets (emu.spreadsheets, the emulated Drive): Files.get, Files.update
 * (name, trashed) and Files.remove (deletes at once, skipping the trash). Under the `drive.file`
 * scope alone only files the script created are reachable (developers.google.com/drive/api/guides/api-specific-auth:
 * "drive.file … files that you have opened or created with this app"); any other id answers the
 * API's 404 "File not found".
 */
import { GasError } from '../errors';
import { type Ctx, Facade, instrument } from '../execution';
import type { SpreadsheetModel } from '../model';
import { SCOPES } from '../scopes';
import { SPREADSHEET_MIME } from './spreadsheet';

/** An error of an advanced service, named as Apps Script names it. */
function apiError(method: string, message: string): GasError {
  const e = new GasError(`API call to drive.files.${method} failed with error: ${message}`);
  e.name = 'GoogleJsonResponseException';
  return e;
}

interface DriveFileResource {
  id: string;
  name: string;
  mimeType: string;
  trashed: boolean;
}

export class DriveFilesFacade extends Facade {
  private _file(method: string, fileId: unknown): SpreadsheetModel {
    const id = String(fileId);
    const ss = this._ctx.emu.spreadsheets.get(id);
    const granted = this._ctx.emu.grantedScopes();
    const wide = !granted || granted.includes(SCOPES.drive) || granted.includes(SCOPES.driveReadonly);
    if (!ss || (!wide && !ss.createdByScript)) throw apiError(method, `File not found: ${id}.`);
    if (method !== 'get' && granted && !granted.includes(SCOPES.drive) && !ss.createdByScript)
      throw apiError(method, 'Insufficient Permission');
    return ss;
  }

  private _resource(ss: SpreadsheetModel): DriveFileResource {
    return { id: ss.id, name: ss.name, mimeType: SPREADSHEET_MIME, trashed: ss.trashed };
  }

  get(fileId: string): DriveFileResource {
    return this._resource(this._file('get', fileId));
  }

  update(resource: Partial<DriveFileResource>, fileId: string): DriveFileResource {
    const ss = this._file('update', fileId);
    if (resource && typeof resource.name === 'string') ss.name = resource.name;
    if (resource && typeof resource.trashed === 'boolean') ss.trashed = resource.trashed;
    return this._resource(ss);
  }

  /** Deletes the file for good (files.delete), as only its owner may. */
  remove(fileId: string): void {
    const ss = this._file('delete', fileId);
    if (ss.owner !== this._ctx.effectiveUser)
      throw apiError('delete', 'Insufficient permissions for this file');
    this._ctx.emu.spreadsheets.delete(ss.id);
  }
}
instrument(DriveFilesFacade, 'Drive.Files');

export class AdvancedDriveFacade extends Facade {
  readonly Files: DriveFilesFacade;

  constructor(ctx: Ctx) {
    super(ctx);
    this.Files = new DriveFilesFacade(ctx);
  }
}
instrument(AdvancedDriveFacade, 'Drive');
