// The content programme (SOP 001; DESIGN §4): the topic rotation that fills `Kalender Konten` and
// `Tugas` from `Bank Topik` at H-14 of every publication, and the speaker suggestions. The rotation
// runs from `tick` (content-jobs.ts) and on demand (menu, sidebar); it is idempotent: one row per
// publication (ID Konten), one use per topic, one set of tasks per publication (Tugas.Kode).

import {
  type BankTopic,
  contentIdFor,
  contentSettingsFrom,
  type ContentSettings,
  contentTasks,
  nextPublicationDate,
  nextTopic,
  publicationsToPlan,
  publicationTheme,
  sameName,
  type Speaker,
  speakerLabel,
  type SpeakerSuggestion,
  suggestSpeakers,
  taskCode,
  taskDueMs,
  themeRepeat,
} from '../domain/content';
import { isoWeekLabel } from '../domain/isoweek';
import type { MessageOverrides } from '../messages/id';
import { type Bidang, CONTENT_STATUS, type GroupName, TASK_STATUS, TOPIC_STATUS } from '../domain/types';
import { addDays, formatDateLongId, isValidYmd, localDateKey, localMs } from '../domain/time';
import { cellText, cellTime } from '../store/cells';
import type { Changes } from '../store/table';
import type { PlannedItem, SpeakerItem, SpeakersView } from '../api/types';
import { activeOfficers, setting } from './config';
import type { Ctx } from './context';

/** Teams told when the bank has no topic of a theme left (SOP 001 table 1–2). */
const TOPIC_TEAMS: readonly GroupName[] = ['Humas', 'Pelaksana'];

export function contentSettings(ctx: Ctx): ContentSettings {
  return contentSettingsFrom({
    publicationWeekday: setting(ctx.config, 'publicationWeekday'),
    evaluationWeekday: setting(ctx.config, 'evaluationWeekday'),
    evaluationMinDays: setting(ctx.config, 'evaluationMinDays'),
    themeRule: setting(ctx.config, 'themeRule'),
  });
}

export interface CalendarEntry {
  row: number;
  id: string;
  /** Publication date `yyyy-mm-dd` ('' when unreadable). */
  ymd: string;
  theme: string;
  topic: string;
  speaker: string;
  status: string;
  note: string;
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

export type PlannedPublication = PlannedItem;

export interface RotationResult {
  /** Publications from today to H-14 ahead, as planned after this run. */
  publications: PlannedPublication[];
  created: number;
  filled: number;
  noTopic: number;
  tasksCreated: number;
  /** The last publication date covered (today + lead days). */
  until: string;
  /** When the rotation is next due (epoch ms). */
  nextAt: number;
}

/**
 * DESIGN §4 Rotation, for every publication whose H-14 has come and whose day has not passed.
 * Caller holds the script lock. Write order: calendar row first, then the topic's mark, then the
 * tasks: a crash in between leaves the row, and the next run repairs the mark and the tasks.
 */
export function runRotation(ctx: Ctx): RotationResult {
  const settings = contentSettings(ctx);
  const offset = ctx.offset;
  const today = localDateKey(ctx.now, offset);
  const pubs = publicationsToPlan(today, settings);
  const until = addDays(today, settings.leadDays);
  const result: RotationResult = {
    publications: [],
    created: 0,
    filled: 0,
    noTopic: 0,
    tasksCreated: 0,
    until,
    nextAt: nextRotationAt(ctx, settings, today),
  };
  if (pubs.length === 0) return result;

  const calendar = readCalendar(ctx);
  const bank = readTopicBank(ctx);
  const speakers = readSpeakers(ctx);
  const onCalendar = calendar.map((e) => e.topic).filter((t) => t !== '');
  const featured = calendar
    .filter((e) => e.speaker && e.ymd)
    .map((e) => ({ speaker: e.speaker, ymd: e.ymd }));
  const withTasks = contentIdsWithTasks(ctx);
  const newRows: Changes<'calendar'>[] = [];
  const rowUpdates: { row: number; changes: Changes<'calendar'> }[] = [];
  const marks = new Map<number, string>();
  const taskRows: Changes<'tasks'>[] = [];
  const exhausted: { pub: string; theme: Bidang }[] = [];

  const take = (theme: Bidang, pub: string): BankTopic | null => {
    const topic = nextTopic(bank, theme, onCalendar);
    if (!topic) return null;
    topic.status = TOPIC_STATUS.used;
    onCalendar.push(topic.topic);
    marks.set(topic.row, isoWeekLabel(pub));
    return topic;
  };
  const suggest = (theme: Bidang, pub: string): string => {
    const first = suggestSpeakers(speakers, theme, pub, featured)[0];
    if (!first) return '';
    const label = speakerLabel(first);
    featured.push({ speaker: label, ymd: pub });
    return label;
  };

  for (const pub of pubs) {
    const id = contentIdFor(pub);
    const { theme } = publicationTheme(pub, settings);
    const repeat = themeRepeat(pub, settings);
    const repeatNote = repeat
      ? ctx.t('themeRepeatNote', {
          theme: repeat.theme,
          previousWeek: repeat.previousWeek,
          year: repeat.year,
        })
      : '';
    const entry = calendar.find((e) => e.id === id);
    const planned: PlannedPublication = {
      contentId: id,
      date: pub,
      theme,
      topic: entry?.topic ?? '',
      speaker: entry?.speaker ?? '',
      status: entry?.status ?? '',
      change: '',
    };
    if (!entry) {
      const topic = take(theme, pub);
      const speaker = suggest(theme, pub);
      const note = [repeatNote, topic ? '' : ctx.t('calendarNoTopic', { theme })].filter(Boolean).join(' ');
      const status = topic ? CONTENT_STATUS.planned : CONTENT_STATUS.noTopic;
      newRows.push({
        id,
        publishDate: new Date(localMs(pub, '00:00', offset)),
        isoWeek: isoWeekLabel(pub),
        theme,
        topic: topic ? topic.topic : '',
        speaker,
        status,
        note,
      });
      Object.assign(planned, { topic: topic ? topic.topic : '', speaker, status, change: 'dibuat' });
      result.created++;
      if (!topic) exhausted.push({ pub, theme });
    } else if (!entry.topic && sameName(entry.status, CONTENT_STATUS.noTopic)) {
      // A row waiting for topics: filled as soon as the bank has one again.
      const topic = take(theme, pub);
      if (topic) {
        // Only our own "no topic" sentence leaves the note; whatever the team wrote stays.
        const note = entry.note.replace(ctx.t('calendarNoTopic', { theme }), '').trim();
        const changes: Changes<'calendar'> = { topic: topic.topic, status: CONTENT_STATUS.planned, note };
        const speaker = entry.speaker || suggest(theme, pub);
        if (!entry.speaker && speaker) changes.speaker = speaker;
        rowUpdates.push({ row: entry.row, changes });
        Object.assign(planned, {
          topic: topic.topic,
          speaker,
          status: CONTENT_STATUS.planned,
          change: 'diisi',
        });
        result.filled++;
      }
    } else if (entry.topic) {
      // Repair: the row names a bank topic whose mark was lost (a crash between the two writes).
      const used = bank.find((t) => sameName(t.topic, entry.topic) && !sameName(t.status, TOPIC_STATUS.used));
      if (used) {
        used.status = TOPIC_STATUS.used;
        marks.set(used.row, isoWeekLabel(pub));
      }
    }
    if (!withTasks.has(id)) {
      withTasks.add(id);
      for (const task of contentTasks(pub, settings, ctx.config.texts as MessageOverrides)) {
        taskRows.push({
          contentId: id,
          task: task.task,
          team: task.team,
          due: new Date(taskDueMs(task, offset)),
          status: TASK_STATUS.open,
          key: taskCode(id, task.key),
        });
      }
    }
    if (sameName(planned.status, CONTENT_STATUS.noTopic)) result.noTopic++;
    result.publications.push(planned);
  }

  if (newRows.length) ctx.db.append('calendar', newRows);
  for (const u of rowUpdates) ctx.db.update('calendar', u.row, u.changes);
  for (const [row, week] of marks)
    ctx.db.update('topics', row, { status: TOPIC_STATUS.used, usedWeek: week });
  if (taskRows.length) ctx.db.append('tasks', taskRows);
  result.tasksCreated = taskRows.length;
  if (exhausted.length) tellTopicBankEmpty(ctx, exhausted);
  // Rows still waiting for a topic are retried every day until their publication.
  if (result.noTopic > 0)
    result.nextAt = Math.min(result.nextAt, localMs(addDays(today, 1), '00:00', offset));
  return result;
}

/** The next time a publication's H-14 comes, after every publication up to today + lead is planned. */
export function nextRotationAt(ctx: Ctx, settings: ContentSettings, today: string): number {
  const nextPub = nextPublicationDate(addDays(today, settings.leadDays + 1), settings);
  return localMs(addDays(nextPub, -settings.leadDays), '00:00', ctx.offset);
}

/** ID Konten of every publication that already has tasks (Tugas.Kode `KONTEN-…/key`, else ID Konten). */
function contentIdsWithTasks(ctx: Ctx): Set<string> {
  const ids = new Set<string>();
  for (const { rec } of ctx.db.table('tasks').readAll()) {
    const code = cellText(rec.key).trim();
    const id = code.includes('/') ? code.slice(0, code.indexOf('/')) : cellText(rec.contentId).trim();
    if (id) ids.add(id);
  }
  return ids;
}

/** DESIGN §4: "when the bank has no topic of that theme left it says so (to the team …)". */
function tellTopicBankEmpty(ctx: Ctx, exhausted: { pub: string; theme: Bidang }[]): void {
  const lines = exhausted.map((x) =>
    ctx.t('topicBankEmpty', { theme: x.theme, date: formatDateLongId(x.pub) }),
  );
  for (const line of lines) ctx.log('PERINGATAN', 'rotasi', line);
  const emails = [
    ...new Set(
      TOPIC_TEAMS.flatMap((g) => activeOfficers(ctx.config, g))
        .map((o) => o.email)
        .filter((e) => e !== ''),
    ),
  ];
  if (emails.length === 0) {
    ctx.log('PERINGATAN', 'rotasi', ctx.t('topicBankEmptyNoRecipients'));
    return;
  }
  const themes = [...new Set(exhausted.map((x) => x.theme))].join('/');
  try {
    MailApp.sendEmail({
      to: emails.join(','),
      subject: ctx.t('topicBankEmptySubject', { theme: themes }),
      body: ctx.t('topicBankEmptyEmailBody', { lines: lines.join('\n'), spreadsheetUrl: ctx.ss.getUrl() }),
      name: 'HALO KOP-UKM',
    });
  } catch (e) {
    ctx.log('GALAT', 'rotasi', ctx.t('reminderEmailFailed', { team: 'Humas/Pelaksana', reason: String(e) }));
  }
}

// ---- Speakers (DESIGN §4 Speakers; sidebar `content.speakers`) ----

/**
 * Speakers of the publication's theme not featured recently. The publication is the calendar row
 * `contentId`, else the first publication on or after `date`, else the next one from today.
 */
export function speakersFor(ctx: Ctx, req: { contentId?: string; date?: string }): SpeakersView {
  const settings = contentSettings(ctx);
  const calendar = readCalendar(ctx);
  const today = localDateKey(ctx.now, ctx.offset);
  const wanted = typeof req.contentId === 'string' ? req.contentId.trim().toUpperCase() : '';
  const entry = wanted ? calendar.find((e) => e.id.toUpperCase() === wanted) : undefined;
  const from = typeof req.date === 'string' && isValidYmd(req.date) ? req.date : today;
  const pub = entry && entry.ymd ? entry.ymd : nextPublicationDate(from, settings);
  const id = entry ? entry.id : contentIdFor(pub);
  const theme = publicationTheme(pub, settings).theme;
  const row = entry ?? calendar.find((e) => e.id === id);
  const featured = calendar
    .filter((e) => e.speaker && e.ymd && e.id !== id)
    .map((e) => ({ speaker: e.speaker, ymd: e.ymd }));
  const suggestions = suggestSpeakers(readSpeakers(ctx), theme, pub, featured).map(
    (s: SpeakerSuggestion): SpeakerItem => ({
      row: s.row,
      name: s.name,
      organisation: s.organisation,
      kind: s.kind,
      position: s.position,
      contact: s.contact,
      contactStatus: s.contactStatus,
      lastFeatured: s.featured,
    }),
  );
  return { contentId: id, date: pub, theme, current: row ? row.speaker : '', suggestions };
}
