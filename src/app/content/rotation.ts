// The topic rotation (SOP 001; DESIGN §4) that fills `Kalender Konten` and `Tugas` from `Bank
// Topik` at H-14 of every publication. It runs from `tick` and on demand (plan.ts); it is
// idempotent: one row per publication (ID Konten), one use per topic, one set of tasks per
// publication (Tugas.Kode).

import {
  type ContentSettings,
  nextPublicationDate,
  type PlannedPublication,
  planRotation,
  publicationsToPlan,
} from '../../domain/content';
import { addDays, formatDateLongId, localDateKey, localMs } from '../../domain/time';
import { type Bidang, type GroupName, TOPIC_STATUS } from '../../domain/types';
import type { MessageOverrides } from '../../messages/id';
import { cellText } from '../../store/cells';
import { activeOfficers } from '../config';
import type { Ctx } from '../context';
import { sendOrDigest } from '../quota/mail';
import { contentSettings, readCalendar, readSpeakers, readTopicBank } from './calendar';

/** Teams told when the bank has no topic of a theme left (SOP 001 table 1–2). */
const TOPIC_TEAMS: readonly GroupName[] = ['Humas', 'Pelaksana'];

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
 * The rotation now (domain/content.ts `planRotation` decides, this writes). Caller holds the script
 * lock. Write order: calendar rows first, then the topics' marks, then the tasks: a crash in
 * between leaves the rows, and the next run repairs the marks and the tasks.
 */
export function runRotation(ctx: Ctx): RotationResult {
  const settings = contentSettings(ctx);
  const offset = ctx.offset;
  const today = localDateKey(ctx.now, offset);
  const result: RotationResult = {
    publications: [],
    created: 0,
    filled: 0,
    noTopic: 0,
    tasksCreated: 0,
    until: addDays(today, settings.leadDays),
    nextAt: nextRotationAt(ctx, settings, today),
  };
  if (publicationsToPlan(today, settings).length === 0) return result;

  const plan = planRotation({
    today,
    settings,
    offset,
    calendar: readCalendar(ctx),
    bank: readTopicBank(ctx),
    speakers: readSpeakers(ctx),
    withTasks: contentIdsWithTasks(ctx),
    overrides: ctx.config.texts as MessageOverrides,
  });
  if (plan.newRows.length) {
    ctx.db.append(
      'calendar',
      plan.newRows.map(({ publishMs, ...row }) => ({ ...row, publishDate: new Date(publishMs) })),
    );
  }
  for (const u of plan.rowUpdates) ctx.db.update('calendar', u.row, u.changes);
  for (const { row, week } of plan.marks) {
    ctx.db.update('topics', row, { status: TOPIC_STATUS.used, usedWeek: week });
  }
  if (plan.tasks.length) {
    ctx.db.append(
      'tasks',
      plan.tasks.map(({ dueMs, ...task }) => ({ ...task, due: new Date(dueMs) })),
    );
  }
  if (plan.exhausted.length) tellTopicBankEmpty(ctx, plan.exhausted);
  Object.assign(result, {
    publications: plan.publications,
    created: plan.created,
    filled: plan.filled,
    noTopic: plan.noTopic,
    tasksCreated: plan.tasks.length,
  });
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
  const subject = ctx.t('topicBankEmptySubject', { theme: themes });
  const sent = sendOrDigest(
    ctx,
    {
      to: emails,
      subject,
      body: ctx.t('topicBankEmptyEmailBody', { lines: lines.join('\n'), spreadsheetUrl: ctx.ss.getUrl() }),
    },
    'reminder',
    subject,
  );
  if (!sent.ok && !sent.error.quota) {
    ctx.log(
      'GALAT',
      'rotasi',
      ctx.t('reminderEmailFailed', { team: 'Humas/Pelaksana', reason: sent.error.text }),
    );
  }
}
