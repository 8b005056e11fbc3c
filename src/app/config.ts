// The configuration snapshot: Pengaturan, Hari Libur and Penanggung Jawab read together, kept in
// CacheService for a few minutes (invalidated by setup, the settings dialog, the sidebar and
// onEdit of those sheets). A cache miss re-reads the sheets: slower, never wrong.

import { normalizePhone } from '../domain/phone';
import type { GroupName } from '../domain/types';
import type { Cache } from '../platform/cache';
import { cellBool, cellText, cellTime, isDate } from '../store/cells';
import type { Db } from '../store/db';
import type { SettingKey } from '../store/settings';
import { SETTING, SETTING_DEFS, TEXT_OVERRIDE_PREFIX } from '../store/settings';

export const CONFIG_CACHE_KEY = 'cfg:v1';
export const CONFIG_CACHE_SECONDS = 3600;

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

export function loadConfig(db: Db, cache: Cache, now: number, offsetMinutes = 420): Config {
  const cached = cache.getJson<Config>(CONFIG_CACHE_KEY);
  if (cached && cached.settings) return cached;
  const config = readConfig(db, now, offsetMinutes);
  cache.putJson(CONFIG_CACHE_KEY, config, CONFIG_CACHE_SECONDS);
  return config;
}

export function forgetConfig(cache: Cache): void {
  cache.remove(CONFIG_CACHE_KEY);
}

function readConfig(db: Db, now: number, offsetMinutes: number): Config {
  const settings: Record<string, string> = {};
  const texts: Record<string, string> = {};
  for (const { rec } of db.table('settings').readAll()) {
    const key = cellText(rec.key).trim();
    if (!key) continue;
    const value = settingValueText(rec.value, offsetMinutes);
    if (key.startsWith(TEXT_OVERRIDE_PREFIX)) texts[key.slice(TEXT_OVERRIDE_PREFIX.length).trim()] = value;
    else settings[key] = value;
  }
  const holidays: string[] = [];
  for (const { rec } of db.table('holidays').readAll()) {
    const t = cellTime(rec.date);
    if (t !== null) holidays.push(localYmd(t, offsetMinutes));
    else if (/^\d{4}-\d{2}-\d{2}$/.test(cellText(rec.date))) holidays.push(cellText(rec.date));
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

/** A setting typed into a cell may have been parsed by Sheets (07:00 → a time, 30 → a number). */
function settingValueText(v: unknown, offsetMinutes: number): string {
  if (isDate(v)) {
    const local = new Date(v.getTime() + offsetMinutes * 60000);
    if (local.getUTCFullYear() < 1900) {
      // A time of day: Sheets stores it on 1899-12-30.
      return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
    }
    return localYmd(v.getTime(), offsetMinutes);
  }
  return cellText(v);
}

function localYmd(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function activeOfficers(config: Config, group: GroupName): Officer[] {
  return config.officers.filter((o) => o.active && o.group === group);
}

export function officerByPhone(config: Config, phone: string): Officer | undefined {
  if (!phone) return undefined;
  const p = normalizePhone(phone);
  return config.officers.find((o) => o.active && o.whatsapp !== '' && o.whatsapp === p);
}
