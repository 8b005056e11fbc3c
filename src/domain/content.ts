/**
 * SOP 001 (Instagram/TikTok programme): the weekly publication, the rotation of topics and the
 * tasks around each publication day H (DESIGN §4). Teams follow the SOP's "Pihak yang terlibat".
 */
import { type MessageKey, type MessageOverrides, render } from '../messages/id';
import { DEFAULT_THEME_ANCHOR, isoWeekLabel, type ThemeRule, weekTheme } from './isoweek';
import { addDays, daysBetween, weekdayOf } from './time';
import type { Bidang, GroupName } from './types';

export interface ContentSettings {
  /** SOP 001 V.1: publication weekday, 7 = Sunday. */
  publicationWeekday: number;
  /** SOP 001 table 11: evaluation weekday, 4 = Thursday. */
  evaluationWeekday: number;
  /** The evaluation is on the first evaluation weekday at least this many days after H. */
  evaluationMinDays: number;
  /** SOP 001 table 1–2: preparation starts 14 days before H (rotation due at H-14). */
  leadDays: number;
  /** `Aturan Tema` (default `iso`). */
  themeRule?: ThemeRule;
  /** Anchor of the `selang-seling` rule (default 2026-01-04). */
  themeAnchor?: string;
  /** Re-assignment of tasks to other teams (default: as the SOP says). */
  teams?: Partial<Record<ContentTaskKind, GroupName>>;
}

export const DEFAULT_CONTENT_SETTINGS: ContentSettings = {
  publicationWeekday: 7,
  evaluationWeekday: 4,
  evaluationMinDays: 4,
  leadDays: 14,
};

/** The kinds of task; monitoring has one task per day (`monitor-1` … `monitor-5`). */
export type ContentTaskKind =
  | 'search-topic'
  | 'contact-speaker'
  | 'narrative'
  | 'design'
  | 'check'
  | 'publish'
  | 'qna'
  | 'live'
  | 'monitor'
  | 'feedback'
  | 'evaluation'
  | 'record-evaluation';

/**
 * SOP 001 "Tahapan Kegiatan", column "Pihak yang terlibat": "Tim pelaksana" → Pelaksana,
 * "Tim Humas" → Humas, "Tim pelaksana (Pubdisdok)" → Pubdisdok.
 */
export const DEFAULT_TASK_TEAMS: Readonly<Record<ContentTaskKind, GroupName>> = {
  'search-topic': 'Pelaksana', // table 1
  'contact-speaker': 'Humas', // table 2
  narrative: 'Pelaksana', // table 3
  design: 'Pubdisdok', // table 4
  check: 'Pubdisdok', // table 5
  publish: 'Pubdisdok', // table 6
  live: 'Pubdisdok', // table 7
  qna: 'Pubdisdok', // table 8
  feedback: 'Pelaksana', // table 9
  monitor: 'Pubdisdok', // table 10
  evaluation: 'Pelaksana', // table 11
  'record-evaluation': 'Pelaksana', // table 12
};

/** Days of monitoring after H (SOP 001 table 10: "1-5 hari setelah"). */
export const MONITOR_DAYS = 5;

export interface ContentTask {
  /** Stable per publication: `search-topic`, `monitor-3`, … */
  key: string;
  kind: ContentTaskKind;
  /** Indonesian task name (from the message catalogue). */
  task: string;
  team: GroupName;
  /** Due date; `time`/`until` as `HH:MM` when the SOP gives hours. */
  due: { ymd: string; time?: string; until?: string };
  /** The row of SOP 001's "Tahapan Kegiatan" table: `001/1` … `001/12`. */
  step: string;
}

/** The publication dates from `fromYmd` to `toYmd`, both inclusive. */
export function publicationDatesBetween(fromYmd: string, toYmd: string, settings: ContentSettings): string[] {
  const dates: string[] = [];
  const first = addDays(fromYmd, (settings.publicationWeekday - weekdayOf(fromYmd) + 7) % 7);
  for (let ymd = first; ymd <= toYmd; ymd = addDays(ymd, 7)) dates.push(ymd);
  return dates;
}

/** The first publication date on or after `ymd`. */
export function nextPublicationDate(ymd: string, settings: ContentSettings): string {
  return addDays(ymd, (settings.publicationWeekday - weekdayOf(ymd) + 7) % 7);
}

/** DESIGN §4 Rotation: a publication's topic is due from H-leadDays on (also when late). */
export function rotationDue(pubYmd: string, todayYmd: string, settings: ContentSettings): boolean {
  return daysBetween(todayYmd, pubYmd) <= settings.leadDays;
}

/** The publications the rotation job should have planned by `todayYmd`: H-lead reached, H not past. */
export function publicationsToPlan(todayYmd: string, settings: ContentSettings): string[] {
  return publicationDatesBetween(todayYmd, addDays(todayYmd, settings.leadDays), settings);
}

/** The theme of a publication under the configured rule. */
export function publicationTheme(
  pubYmd: string,
  settings: ContentSettings,
): { theme: Bidang; repeated: boolean } {
  return weekTheme(pubYmd, settings.themeRule ?? 'iso', settings.themeAnchor ?? DEFAULT_THEME_ANCHOR);
}

/** `KONTEN-2026-W47`: one publication per ISO week. */
export function contentIdFor(pubYmd: string): string {
  return `KONTEN-${isoWeekLabel(pubYmd)}`;
}

/** SOP 001 table 11–12: the first evaluation weekday on or after H + evaluationMinDays. */
export function evaluationDate(pubYmd: string, settings: ContentSettings): string {
  const earliest = addDays(pubYmd, settings.evaluationMinDays);
  return addDays(earliest, (settings.evaluationWeekday - weekdayOf(earliest) + 7) % 7);
}

/**
 * The tasks of one publication, in date order. Monitoring (H+1…H+5) is one task per day, so each
 * day's figures are a task of its own and appear in that morning's reminder.
 */
export function contentTasks(
  pubYmd: string,
  settings: ContentSettings,
  overrides?: MessageOverrides,
): ContentTask[] {
  const teams = { ...DEFAULT_TASK_TEAMS, ...(settings.teams ?? {}) };
  const { theme } = publicationTheme(pubYmd, settings);
  const make = (
    key: string,
    kind: ContentTaskKind,
    message: MessageKey,
    offsetDays: number,
    step: number,
    time?: string,
    until?: string,
    vars?: Record<string, string | number>,
  ): ContentTask => {
    const due: ContentTask['due'] = { ymd: addDays(pubYmd, offsetDays) };
    if (time) due.time = time;
    if (until) due.until = until;
    return {
      key,
      kind,
      task: render(message, vars, overrides),
      team: teams[kind],
      due,
      step: `001/${step}`,
    };
  };
  const lead = settings.leadDays;
  const evaluationOffset = daysBetween(pubYmd, evaluationDate(pubYmd, settings));
  const tasks: ContentTask[] = [
    make('search-topic', 'search-topic', 'taskSearchTopic', -lead, 1, undefined, undefined, { theme }),
    make('contact-speaker', 'contact-speaker', 'taskContactSpeaker', -lead, 2),
    make('narrative', 'narrative', 'taskNarrative', -12, 3),
    make('design', 'design', 'taskDesign', -7, 4),
    make('check', 'check', 'taskCheck', 0, 5, '08:00', '08:30'),
    make('publish', 'publish', 'taskPublish', 0, 6, '09:00', '09:30'),
    make('qna', 'qna', 'taskQna', 0, 8, '10:00'),
    make('live', 'live', 'taskLive', 0, 7, '13:00', '14:30'),
  ];
  for (let day = 1; day <= MONITOR_DAYS; day += 1) {
    tasks.push(make(`monitor-${day}`, 'monitor', 'taskMonitor', day, 10, undefined, undefined, { day }));
  }
  tasks.push(make('feedback', 'feedback', 'taskFeedback', 3, 9));
  tasks.push(make('evaluation', 'evaluation', 'taskEvaluation', evaluationOffset, 11));
  tasks.push(make('record-evaluation', 'record-evaluation', 'taskRecordEvaluation', evaluationOffset, 12));
  // Stable sort: by date, then by time (untimed tasks of a day keep the SOP's order after timed ones).
  return tasks
    .map((task, index) => ({ task, index }))
    .sort(
      (a, b) =>
        a.task.due.ymd.localeCompare(b.task.due.ymd) ||
        (a.task.due.time ?? '99:99').localeCompare(b.task.due.time ?? '99:99') ||
        a.index - b.index,
    )
    .map(({ task }) => task);
}

export interface EngagementFigures {
  views?: number | null;
  likes?: number | null;
  comments?: number | null;
  saves?: number | null;
  shares?: number | null;
}

function count(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** DESIGN §4: (likes + comments + saves + shares) / views; null when views are unknown or 0. */
export function engagementRate(figures: EngagementFigures): number | null {
  const views = figures.views;
  if (typeof views !== 'number' || !Number.isFinite(views) || views <= 0) return null;
  return (
    (count(figures.likes) + count(figures.comments) + count(figures.saves) + count(figures.shares)) / views
  );
}

/** Whether a task is late on `todayYmd` (due before today and not done). */
export function isTaskOverdue(dueYmd: string, todayYmd: string, done: boolean): boolean {
  return !done && dueYmd < todayYmd;
}
