/**
 * The Drive advanced service (Drive API v3, global `Drive`), as the product uses it: folders and
 * files created by the script (`drive.file` scope: only those are visible), their content as blobs.
 * `Files.create(resource, blob?)`, `Files.get(id, {alt: 'media'}?)`, `Files.list({q, pageSize})`,
 * `Files.update(resource, id, null, {addParents, removeParents})` (one parent a file),
 * `Files.remove(id)` (Apps Script's name for files.delete; `delete` is accepted too). Errors read
 * like Google's: `GoogleJsonResponseException: API call to drive.files.get failed with error: File
 * not found: <id>.` Limits: a blob ≤ 50 MB (Apps Script), names ≤ 32,767 bytes (Drive).
 *
 * The emulated spreadsheets (emu.spreadsheets) are Drive files too: `Files.get`, `Files.update`
 * (name, trashed) and `Files.remove` reach them. Under the `drive.file` scope alone only files the
 * script created are reachable (developers.google.com/drive/api/guides/api-specific-auth: "drive.file
 * … files that you have opened or created with this app"); any other id answers the API's 404.
 */
import { GasError } from '../errors';
import { type Ctx, Facade, instrument } from '../execution';
import type { SpreadsheetModel } from '../model';
import { toRealm } from '../realm';
import { SCOPES } from '../scopes';
import { BlobFacade, toBuffer } from './base';
import { SPREADSHEET_MIME } from './spreadsheet';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
/** Apps Script's largest blob (Utilities, UrlFetch, Drive uploads). */
export const MAX_BLOB_BYTES = 50 * 1024 * 1024;

export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  createdTime: number;
  /** Base64 content ('' for folders). */
  content: string;
  size: number;
  trashed: boolean;
}

function apiError(method: string, message: string): GasError {
  const e = new GasError(`API call to drive.files.${method} failed with error: ${message}`);
  e.name = 'GoogleJsonResponseException';
  return e;
}

function meta(item: DriveItem): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: 'drive#file',
    id: item.id,
    name: item.name,
    mimeType: item.mimeType,
    parents: [...item.parents],
    createdTime: new Date(item.createdTime).toISOString(),
    trashed: item.trashed,
    webViewLink:
      item.mimeType === FOLDER_MIME
        ? `https://drive.google.com/drive/folders/${item.id}`
        : `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`,
  };
  if (item.mimeType !== FOLDER_MIME) out.size = String(item.size);
  return out;
}

/** `'<id>' in parents`, `name = '<n>'`, `mimeType = '<m>'`, `trashed = false`, joined by `and`. */
function matches(item: DriveItem, q: string): boolean {
  if (!q.trim()) return true;
  for (const raw of q.split(/\s+and\s+/i)) {
    const part = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^'([^']*)'\s+in\s+parents$/i.exec(part))) {
      if (!item.parents.includes(m[1])) return false;
    } else if ((m = /^name\s*=\s*'((?:[^'\\]|\\.)*)'$/i.exec(part))) {
      if (item.name !== m[1].replace(/\\(.)/g, '$1')) return false;
    } else if ((m = /^mimeType\s*(!?=)\s*'([^']*)'$/i.exec(part))) {
      if ((item.mimeType === m[2]) !== (m[1] === '=')) return false;
    } else if ((m = /^trashed\s*=\s*(true|false)$/i.exec(part))) {
      if (item.trashed !== (m[1].toLowerCase() === 'true')) return false;
    } else {
      throw apiError('list', 'Invalid Value');
    }
  }
  return true;
}

interface SpreadsheetResource {
  id: string;
  name: string;
  mimeType: string;
  trashed: boolean;
}

export class DriveFilesFacade extends Facade {
  private get _items(): Map<string, DriveItem> {
    return this._ctx.emu.driveItems;
  }

  /** An emulated spreadsheet as a Drive file, within the granted scopes. */
  private _spreadsheet(method: string, fileId: unknown): SpreadsheetModel {
    const id = String(fileId);
    const ss = this._ctx.emu.spreadsheets.get(id);
    const granted = this._ctx.emu.grantedScopes();
    const wide = !granted || granted.includes(SCOPES.drive) || granted.includes(SCOPES.driveReadonly);
    if (!ss || (!wide && !ss.createdByScript)) throw apiError(method, `File not found: ${id}.`);
    if (method !== 'get' && granted && !granted.includes(SCOPES.drive) && !ss.createdByScript)
      throw apiError(method, 'Insufficient Permission');
    return ss;
  }

  private _ssResource(ss: SpreadsheetModel): unknown {
    const r: SpreadsheetResource = {
      id: ss.id,
      name: ss.name,
      mimeType: SPREADSHEET_MIME,
      trashed: ss.trashed,
    };
    return toRealm(r, this._ctx.realm);
  }

  /**
   * files.update(resource, fileId, mediaData?, {addParents, removeParents}): name and trashed, and
   * a move between folders. A file has one parent folder (Drive no longer supports several), so an
   * update that would leave it more answers Google's 403.
   */
  update(
    resource: Partial<SpreadsheetResource>,
    fileId: string,
    _mediaData?: unknown,
    optionalArgs?: Record<string, unknown>,
  ): unknown {
    const item = this._items.get(String(fileId));
    if (item) {
      const ids = (v: unknown): string[] =>
        typeof v === 'string' && v.trim() ? v.split(',').map((x) => x.trim()) : [];
      const add = ids(optionalArgs?.addParents);
      const drop = ids(optionalArgs?.removeParents);
      for (const p of add) {
        const parent = this._items.get(p);
        if (!parent || parent.mimeType !== FOLDER_MIME) throw apiError('update', `File not found: ${p}.`);
      }
      const parents = [...item.parents.filter((p) => !drop.includes(p)), ...add].filter(
        (p, i, all) => all.indexOf(p) === i,
      );
      if (parents.length > 1) throw apiError('update', 'Increasing the number of parents is not allowed.');
      item.parents = parents;
      if (resource && typeof resource.name === 'string') item.name = resource.name;
      if (resource && typeof resource.trashed === 'boolean') item.trashed = resource.trashed;
      return toRealm(meta(item), this._ctx.realm);
    }
    const ss = this._spreadsheet('update', fileId);
    if (resource && typeof resource.name === 'string') ss.name = resource.name;
    if (resource && typeof resource.trashed === 'boolean') ss.trashed = resource.trashed;
    return this._ssResource(ss);
  }

  create(resource?: Record<string, unknown>, mediaData?: unknown, _optionalArgs?: unknown): unknown {
    const r = resource ?? {};
    const parents = Array.isArray(r.parents) ? r.parents.map(String) : [];
    for (const p of parents) {
      const parent = this._items.get(p);
      if (!parent || parent.mimeType !== FOLDER_MIME) throw apiError('create', `File not found: ${p}.`);
    }
    let bytes: Buffer = Buffer.alloc(0);
    let mime = typeof r.mimeType === 'string' ? r.mimeType : '';
    if (mediaData !== undefined && mediaData !== null) {
      if (!(mediaData instanceof BlobFacade)) throw apiError('create', 'Invalid media data');
      bytes = toBuffer(mediaData);
      mime = mime || mediaData.getContentType() || 'application/octet-stream';
    }
    if (bytes.length > MAX_BLOB_BYTES)
      throw new GasError('Blob object must have non-null data for this operation or be smaller than 50 MB.');
    const name =
      typeof r.name === 'string' && r.name
        ? r.name
        : mediaData instanceof BlobFacade
          ? mediaData.getName() || 'Untitled'
          : 'Untitled';
    if (Buffer.byteLength(name, 'utf8') > 32767) throw apiError('create', 'The name is too long.');
    const emu = this._ctx.emu;
    const id = `1drv${String(emu.nextSeq()).padStart(6, '0')}${Math.random().toString(36).slice(2, 10)}`;
    const item: DriveItem = {
      id,
      name,
      mimeType: mime || 'application/octet-stream',
      parents,
      createdTime: emu.clock.now(),
      content: bytes.toString('base64'),
      size: bytes.length,
      trashed: false,
    };
    this._items.set(id, item);
    return toRealm(meta(item), this._ctx.realm);
  }

  get(fileId: string, optionalArgs?: Record<string, unknown>): unknown {
    const item = this._items.get(String(fileId));
    if (!item) return this._ssResource(this._spreadsheet('get', fileId));
    if (optionalArgs && optionalArgs.alt === 'media') {
      if (item.mimeType === FOLDER_MIME)
        throw apiError(
          'get',
          'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
        );
      return new BlobFacade(this._ctx, Buffer.from(item.content, 'base64'), item.mimeType, item.name);
    }
    return toRealm(meta(item), this._ctx.realm);
  }

  list(optionalArgs?: Record<string, unknown>): unknown {
    const q = typeof optionalArgs?.q === 'string' ? optionalArgs.q : '';
    const size = Math.min(1000, Math.max(1, Number(optionalArgs?.pageSize ?? 100) || 100));
    const start = Number(optionalArgs?.pageToken ?? 0) || 0;
    const all = [...this._items.values()].filter((i) => matches(i, q));
    const page = all.slice(start, start + size);
    const out: Record<string, unknown> = { kind: 'drive#fileList', files: page.map(meta) };
    if (start + size < all.length) out.nextPageToken = String(start + size);
    return toRealm(out, this._ctx.realm);
  }

  remove(fileId: string): void {
    const item = this._items.get(String(fileId));
    if (!item) {
      // Deletes the spreadsheet for good (files.delete), as only its owner may.
      const ss = this._spreadsheet('delete', fileId);
      if (ss.owner !== this._ctx.effectiveUser)
        throw apiError('delete', 'Insufficient permissions for this file');
      this._ctx.emu.spreadsheets.delete(ss.id);
      return;
    }
    // Deleting a folder deletes what it holds.
    const gone = [item.id];
    while (gone.length) {
      const id = gone.pop()!;
      this._items.delete(id);
      for (const child of [...this._items.values()]) if (child.parents.includes(id)) gone.push(child.id);
    }
  }

  delete(fileId: string): void {
    this.remove(fileId);
  }
}
instrument(DriveFilesFacade, 'Drive.Files');

export class DriveAdvancedFacade extends Facade {
  readonly Files: DriveFilesFacade;

  constructor(ctx: Ctx) {
    super(ctx);
    this.Files = new DriveFilesFacade(ctx);
  }
}
instrument(DriveAdvancedFacade, 'Drive');
