// The Drive advanced service (Drive API v3, global `Drive`, enabled in appsscript.json): folders and
// files the script created, under the `drive.file` scope (DriveApp would need the full `drive`
// scope with an explicit scope list). The one place that calls `Drive`.

export interface DriveFileMeta {
  id: string;
  name: string;
  mimeType: string;
  size?: string;
  parents?: string[];
  createdTime?: string;
  webViewLink?: string;
}

interface DriveV3 {
  Files: {
    create(
      resource: Record<string, unknown>,
      media?: GoogleAppsScript.Base.Blob,
      args?: Record<string, unknown>,
    ): DriveFileMeta;
    get(id: string, args?: Record<string, unknown>): unknown;
    list(args: Record<string, unknown>): { files?: DriveFileMeta[]; nextPageToken?: string };
    remove(id: string): void;
    update(
      resource: Record<string, unknown>,
      id: string,
      media?: GoogleAppsScript.Base.Blob | null,
      args?: Record<string, unknown>,
    ): DriveFileMeta;
  };
}

declare const Drive: DriveV3;

export const FOLDER_MIME = 'application/vnd.google-apps.folder';

const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A folder (or file) by name under a parent ('root' for My Drive), not trashed; null if none. */
export function findByName(parentId: string, name: string, folder: boolean): DriveFileMeta | null {
  const q = [
    `${quote(parentId)} in parents`,
    `name = ${quote(name)}`,
    `mimeType ${folder ? '=' : '!='} '${FOLDER_MIME}'`,
    'trashed = false',
  ].join(' and ');
  const res = Drive.Files.list({ q, pageSize: 1, fields: 'files(id,name,mimeType)' });
  return res.files && res.files.length ? res.files[0] : null;
}

export function createFolder(name: string, parentId?: string): DriveFileMeta {
  return Drive.Files.create({ name, mimeType: FOLDER_MIME, ...(parentId ? { parents: [parentId] } : {}) });
}

export function createFile(name: string, parentId: string, blob: GoogleAppsScript.Base.Blob): DriveFileMeta {
  return Drive.Files.create({ name, parents: [parentId], mimeType: blob.getContentType() }, blob, {
    fields: 'id,name,mimeType,size,webViewLink',
  });
}

/** The file's metadata; null when Drive does not know it (deleted, or not ours). */
export function fileMeta(id: string): DriveFileMeta | null {
  try {
    return Drive.Files.get(id, { fields: 'id,name,mimeType,size,parents' }) as DriveFileMeta;
  } catch {
    return null;
  }
}

/** The file's content as a blob; null when it cannot be read. */
export function fileBlob(id: string): GoogleAppsScript.Base.Blob | null {
  try {
    const content = Drive.Files.get(id, { alt: 'media' }) as GoogleAppsScript.Base.Blob | string | number[];
    if (content && typeof (content as GoogleAppsScript.Base.Blob).getBytes === 'function') {
      return content as GoogleAppsScript.Base.Blob;
    }
    return Utilities.newBlob(content as number[]);
  } catch {
    return null;
  }
}

/**
 * Moves a file into a folder (a file has one parent); true when it is there afterwards, false when
 * Drive does not know the file (deleted by hand) or refused.
 */
export function moveFile(id: string, folderId: string): boolean {
  const meta = fileMeta(id);
  if (!meta) return false;
  const parents = meta.parents ?? [];
  if (parents.length === 1 && parents[0] === folderId) return true;
  try {
    Drive.Files.update({}, id, null, {
      addParents: folderId,
      ...(parents.length ? { removeParents: parents.join(',') } : {}),
    });
    return true;
  } catch {
    return false;
  }
}

/** Deletes a file for good (not to the trash); false when it was already gone. */
export function removeFile(id: string): boolean {
  try {
    Drive.Files.remove(id);
    return true;
  } catch {
    return false;
  }
}

/** Every file and folder in a folder (paged). */
export function listChildren(parentId: string): DriveFileMeta[] {
  const out: DriveFileMeta[] = [];
  let pageToken: string | undefined;
  do {
    const res = Drive.Files.list({
      q: `${quote(parentId)} in parents and trashed = false`,
      pageSize: 1000,
      ...(pageToken ? { pageToken } : {}),
    });
    out.push(...(res.files ?? []));
    pageToken = res.nextPageToken;
  } while (pageToken);
  return out;
}

export function newBlob(bytes: number[] | string, mime: string, name: string): GoogleAppsScript.Base.Blob {
  return typeof bytes === 'string'
    ? Utilities.newBlob(bytes, mime, name)
    : Utilities.newBlob(bytes, mime, name);
}

export function base64(blob: GoogleAppsScript.Base.Blob): string {
  return Utilities.base64Encode(blob.getBytes());
}

export function fromBase64(data: string): number[] {
  return Utilities.base64Decode(data);
}
