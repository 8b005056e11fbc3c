// Where attachments live: a Drive folder the product creates (`HALO KOP-UKM Lampiran`), one
// subfolder per month (`2026-12`), files named by session id and message id, shared with nobody.
// Folder ids are kept in Script Properties; a folder deleted by hand is created again. Files of
// archived messages move to `Arsip <year>` beside the months, with the archive spreadsheet of that
// year (their ids, so the archive's links, stay the same).

import { formatLocal } from '../../domain/time';
import type { DriveFileMeta } from '../../platform/drive';
import { createFile, createFolder, fileMeta } from '../../platform/drive';
import type { Ctx } from '../context';

export const ROOT_FOLDER_KEY = 'media:folder';
export const ROOT_FOLDER_NAME = 'HALO KOP-UKM Lampiran';
const monthKey = (month: string): string => `media:folder:${month}`;
const archiveKey = (year: number): string => `media:folder:arsip:${year}`;

function folderId(ctx: Ctx, key: string, name: string, parentId?: string): string {
  const known = ctx.props.get(key);
  if (known && fileMeta(known)) return known;
  const created = createFolder(name, parentId);
  ctx.props.set(key, created.id);
  return created.id;
}

/** The month's folder (created on first use). */
export function monthFolder(ctx: Ctx, at: number): string {
  const root = folderId(ctx, ROOT_FOLDER_KEY, ROOT_FOLDER_NAME);
  const month = formatLocal(at, ctx.offset, 'yyyy-MM');
  return folderId(ctx, monthKey(month), month, root);
}

/** The folder of a year's archived attachments (created on first use). */
export function archiveFolder(ctx: Ctx, year: number): string {
  const root = folderId(ctx, ROOT_FOLDER_KEY, ROOT_FOLDER_NAME);
  return folderId(ctx, archiveKey(year), ctx.t('mediaArchiveFolder', { year }), root);
}

export function storeBlob(
  ctx: Ctx,
  at: number,
  name: string,
  blob: GoogleAppsScript.Base.Blob,
): DriveFileMeta {
  blob.setName(name);
  return createFile(name, monthFolder(ctx, at), blob);
}
