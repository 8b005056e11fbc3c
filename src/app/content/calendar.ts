// The content programme's sheets as the rules read them: the settings of Pengaturan, `Kalender
// Konten`, `Bank Topik` and `Narasumber` (one read each), dates as local `yyyy-mm-dd`.

import {
  type BankTopic,
  type CalendarEntry,
  type ContentSettings,
  contentSettingsFrom,
  type Speaker,
} from '../../domain/content';
import { isValidYmd, localDateKey } from '../../domain/time';
import { cellText, cellTime } from '../../store/cells';
import { setting } from '../config';
import type { Ctx } from '../context';

export function contentSettings(ctx: Ctx): ContentSettings {
  return contentSettingsFrom({
    publicationWeekday: setting(ctx.config, 'publicationWeekday'),
    evaluationWeekday: setting(ctx.config, 'evaluationWeekday'),
    evaluationMinDays: setting(ctx.config, 'evaluationMinDays'),
    themeRule: setting(ctx.config, 'themeRule'),
  });
}

/** A cell holding a date (or a typed `yyyy-mm-dd`) as a local date. */
export function cellYmd(v: unknown, offset: number): string {
  const text = cellText(v).trim();
  if (isValidYmd(text.slice(0, 10)) && text.length === 10) return text;
  const t = cellTime(v);
  return t === null ? '' : localDateKey(t, offset);
}

export function readCalendar(ctx: Ctx): CalendarEntry[] {
  return ctx.db
    .table('calendar')
    .readAll()
    .map(({ row, rec }) => ({
      row,
      id: cellText(rec.id).trim(),
      ymd: cellYmd(rec.publishDate, ctx.offset),
      theme: cellText(rec.theme).trim(),
      topic: cellText(rec.topic).trim(),
      speaker: cellText(rec.speaker).trim(),
      status: cellText(rec.status).trim(),
      note: cellText(rec.note).trim(),
    }))
    .filter((e) => e.id !== '' || e.ymd !== '');
}

export function readTopicBank(ctx: Ctx): BankTopic[] {
  return ctx.db
    .table('topics')
    .readAll()
    .map(({ row, rec }) => ({
      row,
      topic: cellText(rec.topic).trim(),
      theme: cellText(rec.theme).trim(),
      status: cellText(rec.status).trim(),
    }));
}

export function readSpeakers(ctx: Ctx): Speaker[] {
  return ctx.db
    .table('speakers')
    .readAll()
    .map(({ row, rec }) => ({
      row,
      name: cellText(rec.name).trim(),
      organisation: cellText(rec.organisation).trim(),
      kind: cellText(rec.kind).trim(),
      position: cellText(rec.position).trim(),
      contact: cellText(rec.contact).trim(),
      contactStatus: cellText(rec.contactStatus).trim(),
      lastFeatured: cellYmd(rec.lastFeatured, ctx.offset),
    }))
    .filter((s) => s.name !== '');
}
