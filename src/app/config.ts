// The configuration snapshot: Pengaturan, Hari Libur and Penanggung Jawab read together, kept in
// CacheService for a few minutes (invalidated by setup, the settings dialog, the sidebar and
// onEdit of those sheets). A cache miss re-reads the sheets: slower, never wrong.

import { normalizePhone } from '../domain/phone';
import { JAKARTA_OFFSET } from '../domain/time';
import type { GroupName } from '../domain/types';
import type { Cache } from '../platform/cache';
import { spreadsheetZone, wallClock } from '../platform/spreadsheet';
import { cellBool, cellText, cellTime, isDate } from '../store/cells';
import type { Db } from '../store/db';
import type { SettingKey } from '../store/settings';
import { SETTING, SETTING_DEFS, TEXT_OVERRIDE_PREFIX } from '../store/settings';

export const CONFIG_CACHE_KEY = 'cfg:v1';
/**
 * The snapshot lives six hours (CacheService's longest) and is put again every half hour of use:
 * past 1,000 items a cache keeps those farthest from expiry, so the snapshot outlives the busy
 * day's conversation entries (one hour) instead of being the first to go. Edits reach it at once
 * (onEdit, the dialogs, setup forget it); edits nothing saw, within six hours.
 */
export const CONFIG_CACHE_SECONDS = 21600;
const CONFIG_REFRESH_MS = 1800000;
const CONFIG_MAX_AGE_MS = CONFIG_CACHE_SECONDS * 1000;

export interface Officer {
  group: GroupName;
  name: string;
  whatsapp: string;
  email: string;
  active: boolean;
}

export interface Config {
  settings: Record<string, string>;
  /** 'yyyy-mm-dd' local dates. */
  holidays: string[];
  officers: Officer[];
  texts: Record<string, string>;
  loadedAt: number;
  /** When the snapshot was last put in the cache. */
  cachedAt?: number;
}

export function setting(config: Config, key: SettingKey): string {
  const name = SETTING[key];
  const v = config.settings[name];
  if (v !== undefined && v.trim() !== '') return v.trim();
  return SETTING_DEFS.find((d) => d.key === name)?.defaultValue ?? '';
}

export function settingNumber(config: Config, key: SettingKey, fallback: number): number {
  const n = Number(setting(config, key).replace(',', '.'));
  return isFinite(n) ? n : fallback;
}

export function loadConfig(db: Db, cache: Cache, now: number): Config {
  const cached = cache.getJson<Config>(CONFIG_CACHE_KEY);
  if (cached && cached.settings && now - cached.loadedAt < CONFIG_MAX_AGE_MS) {
    if (now - (cached.cachedAt ?? cached.loadedAt) >= CONFIG_REFRESH_MS) {
      cache.putJson(CONFIG_CACHE_KEY, { ...cached, cachedAt: now }, CONFIG_CACHE_SECONDS);
    }
    return cached;
  }
  const config = readConfig(db, now);
  cache.putJson(CONFIG_CACHE_KEY, { ...config, cachedAt: now }, CONFIG_CACHE_SECONDS);
  return config;
}

export function forgetConfig(cache: Cache): void {
  cache.remove(CONFIG_CACHE_KEY);
}

function readConfig(db: Db, now: number): Config {
  const settings: Record<string, string> = {};
  // Dates and times staff typed are wall-clock times of the spreadsheet's own zone (whatever it
  // is: File → Settings may differ from the service's zone); asked for only when one is met.
  let zone: string | null = null;
  const local = (v: Date): string => {
    if (zone === null) zone = spreadsheetZone(db.ss);
    return wallClock(v, zone);
  };
  const texts: Record<string, string> = {};
  for (const { rec } of db.table('settings').readAll()) {
    const key = cellText(rec.key).trim();
    if (!key) continue;
    const value = settingValueText(rec.value, local);
    if (key.startsWith(TEXT_OVERRIDE_PREFIX)) texts[key.slice(TEXT_OVERRIDE_PREFIX.length).trim()] = value;
    else settings[key] = value;
  }
  const holidays: string[] = [];
  for (const { rec } of db.table('holidays').readAll()) {
    if (isDate(rec.date)) {
      if (!isNaN(rec.date.getTime())) holidays.push(local(rec.date).slice(0, 10));
      continue;
    }
    // Text Sheets did not read as a date (a plain-text cell): an ISO day, or another date text.
    const text = cellText(rec.date).trim();
    const t = cellTime(rec.date);
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) holidays.push(text);
    else if (t !== null) holidays.push(new Date(t + JAKARTA_OFFSET * 60_000).toISOString().slice(0, 10));
  }
  const officers: Officer[] = db
    .table('officers')
    .readAll()
    .map(({ rec }) => ({
      group: cellText(rec.group).trim() as GroupName,
      name: cellText(rec.name).trim(),
      whatsapp: normalizePhone(cellText(rec.whatsapp)),
      email: cellText(rec.email).trim(),
      active: cellBool(rec.active),
    }))
    .filter((o) => o.name || o.whatsapp || o.email);
  return { settings, holidays, officers, texts, loadedAt: now };
}

/**
 * A setting typed into a cell may have been parsed by Sheets (07:00 → a time, 30 → a number): a
 * date reads as its day, a time of day (Sheets stores it on 1899-12-30) as HH:mm, both on the
 * spreadsheet's clock (`local`: `yyyy-MM-dd HH:mm`).
 */
function settingValueText(v: unknown, local: (d: Date) => string): string {
  if (isDate(v)) {
    if (isNaN(v.getTime())) return '';
    const wall = local(v);
    return wall.startsWith('1899-12-30') ? wall.slice(11, 16) : wall.slice(0, 10);
  }
  return cellText(v);
}

export function activeOfficers(config: Config, group: GroupName): Officer[] {
  return config.officers.filter((o) => o.active && o.group === group);
}

export function officerByPhone(config: Config, phone: string): Officer | undefined {
  if (!phone) return undefined;
  const p = normalizePhone(phone);
  return config.officers.find((o) => o.active && o.whatsapp !== '' && o.whatsapp === p);
}
