// The `onEdit` simple trigger: edits of the configuration sheets (Pengaturan, Hari Libur,
// Penanggung Jawab) drop the cached configuration; an edit of any header row drops that sheet's
// cached header.

import { scriptCache } from '../../platform/cache';
import { headerCacheKey } from '../../store/db';
import { SHEETS } from '../../store/schema';
import { CONFIG_CACHE_KEY } from '../config';

/** The sheets whose edits change the configuration snapshot (app/config.ts). */
const CONFIG_SHEETS: readonly string[] = [SHEETS.settings.name, SHEETS.holidays.name, SHEETS.officers.name];

/** Simple trigger: edits of the configuration sheets refresh the cached configuration. */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    const name = e?.range?.getSheet().getName() ?? '';
    if (!CONFIG_SHEETS.includes(name) && e?.range?.getRow() !== 1) return;
    const cache = scriptCache();
    cache.remove(CONFIG_CACHE_KEY);
    if (e?.range?.getRow() === 1) cache.remove(headerCacheKey(name));
  } catch {
    // simple triggers must never fail visibly
  }
}
