/**
 * DESIGN §5 (SOP 000 V.12): the figures of the weekly report, from plain records of `Sesi`,
 * `Metrik`, `Kalender Konten`, `Tugas` and earlier `Rekap Mingguan` rows. Pure: times are epoch ms,
 * weeks are Monday–Sunday in the office's zone (`report-week.ts`).
 *
 * Definitions (where DESIGN leaves room):
 * - A session belongs to the week its `Mulai` falls in (local time). Only sessions whose Jenis is
 *   Konsultasi or Pengaduan are counted as requests; conversations that never got past the menu
 *   are counted apart (`unclassified`).
 * - Waiting time (WhatsApp sessions): `Mulai` → `Respons Pertama` (the citizen's first message to
 *   the first officer reply); also given for sessions started within service hours only.
 * - Session length (WhatsApp sessions that were connected): `Terhubung` → `Selesai`. Manual
 *   entries have no chat times, so they count everywhere except in these two.
 * - Median of an even count is the mean of the two middle values; the 90th percentile is the
 *   nearest rank (the value at position ⌈0.9·n⌉). Minutes to 1 decimal.
 * - Ratings: response rate = rated / asked, where asked = WhatsApp sessions that ended (the bot
 *   asks each one) plus manual entries that carry a rating.
 * - Content: a `Metrik` row is a cumulative snapshot of one post or live, so for each platform and
 *   ID Konten the latest row dated in the week counts (rows without an ID count each).
 *   Publications: `Kalender Konten` rows published (Terbit/Dievaluasi) with their date in the week.
 * - Tasks due in the week (not Dibatalkan): late = done after the due time; not done = not done by
 *   the end of the week. A due time of 00:00 means "during that day".
 * - Trend: the four weeks before, from `Rekap Mingguan`; change = this week against their mean.
 */
import { TOPIK } from '../messages/id';
import { type IkmBand, round2, summarizeRatings } from './ikm';
import { type Rating, RATINGS } from './rating';
import { inWeek, type ReportWeek, shiftWeek } from './report-week';
import { addDays, DAY_MS, localDateKey, localMinuteOfDay, MINUTE_MS, weekdayOf } from './time';
import {
  BIDANG,
  type Bidang,
  type Channel,
  CHANNELS,
  CLOSED_BY,
  type ClosedBy,
  CONTENT_STATUS,
  JENIS,
  type Jenis,
  OTHER_CHANNEL,
  PLATFORMS,
  SESSION_STATUS,
  TASK_STATUS,
  WHATSAPP,
} from './types';

// ---- Inputs ----------------------------------------------------------------------------------

/** One `Sesi` row as the report needs it (no phone number, no name). */
export interface ReportSession {
  channel: string;
  jenis: string;
  bidang: string;
  topic: string;
  status: string;
  startedAt: number | null;
  connectedAt: number | null;
  firstResponseAt: number | null;
  endedAt: number | null;
  closedBy: string;
  rating: number | null;
  outOfHours: boolean;
}

export interface ReportMetric {
  date: number | null;
  platform: string;
  contentId: string;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  liveViewers: number | null;
  questions: number | null;
}

export interface ReportPublication {
  id: string;
  publishDate: number | null;
  theme: string;
  topic: string;
  status: string;
}

export interface ReportTask {
  contentId: string;
  task: string;
  team: string;
  due: number | null;
  status: string;
  doneAt: number | null;
}

/** One `Rekap Mingguan` row: the figures kept per week (the sheet's column keys). */
export interface RecapFigures {
  week: string;
  from: string;
  to: string;
  sessions: number;
  consultations: number;
  complaints: number;
  koperasi: number;
  ukm: number;
  outOfHours: number;
  manual: number;
  medianWaitMin: number | null;
  p90WaitMin: number | null;
  medianLengthMin: number | null;
  p90LengthMin: number | null;
  closedByUser: number;
  closedByOfficer: number;
  closedByTimeout: number;
  ratings: number;
  /** 0–1. */
  responseRate: number | null;
  meanRating: number | null;
  ikm: number | null;
  /** `B (Baik)`; empty without ratings. */
  ikmBand: string;
  publications: number;
  views: number;
  likes: number;
  comments: number;
  liveViewers: number;
  questions: number;
  tasksLate: number;
  tasksMissing: number;
}

export interface ReportInput {
  week: ReportWeek;
  sessions: readonly ReportSession[];
  metrics?: readonly ReportMetric[];
  publications?: readonly ReportPublication[];
  tasks?: readonly ReportTask[];
  /** Earlier `Rekap Mingguan` rows (any weeks; the four before `week` are used). */
  history?: readonly Partial<RecapFigures>[];
}

// ---- Outputs ---------------------------------------------------------------------------------

export interface DurationStats {
  count: number;
  medianMin: number | null;
  p90Min: number | null;
}

export interface JenisBidangCount {
  jenis: Jenis;
  /** '' when the row has no Bidang. */
  bidang: Bidang | '';
  count: number;
}

export interface TopicCount extends JenisBidangCount {
  /** '' when the row has no Topik. */
  topic: string;
}

export interface DayCount {
  date: string;
  weekday: number;
  consultations: number;
  complaints: number;
  total: number;
}

export interface PlatformFigures {
  platform: string;
  /** Posts or lives measured. */
  items: number;
  views: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  liveViewers: number;
  questions: number;
  /** (likes + comments + saves + shares) / views; null without views. */
  engagementRate: number | null;
}

export interface TaskLine {
  contentId: string;
  task: string;
  team: string;
  due: number;
  doneAt: number | null;
}

export type TrendKey =
  | 'sessions'
  | 'consultations'
  | 'complaints'
  | 'outOfHours'
  | 'medianWaitMin'
  | 'meanRating'
  | 'ikm'
  | 'views';

export const TREND_KEYS: readonly TrendKey[] = [
  'sessions',
  'consultations',
  'complaints',
  'outOfHours',
  'medianWaitMin',
  'meanRating',
  'ikm',
  'views',
];

export interface TrendRow {
  key: TrendKey;
  /** Oldest first: the four weeks before, then this week; null where unknown. */
  values: (number | null)[];
  /** Mean of the known earlier values; null when none is known. */
  previousMean: number | null;
  /** (this week − previousMean) / previousMean; null when either is unknown or the mean is 0. */
  change: number | null;
}

export interface WeeklyReport {
  week: ReportWeek;
  sessions: {
    total: number;
    consultations: number;
    complaints: number;
    koperasi: number;
    ukm: number;
    inHours: number;
    outOfHours: number;
    whatsapp: number;
    manual: number;
    /** Conversations that never reached a Jenis (menu unfinished). */
    unclassified: number;
    /** Pengaduan first, then Konsultasi; Koperasi then UKM; all four always listed. */
    byJenisBidang: JenisBidangCount[];
    /** Non-zero counts, Pengaduan first, topics in menu order then others. */
    byTopic: TopicCount[];
    /** Every channel, WhatsApp first. */
    byChannel: { channel: string; count: number }[];
    /** Monday to Sunday. */
    byDay: DayCount[];
    /** Complaints per Bidang (the SOP's "jumlah pengaduan"). */
    complaintsByBidang: { bidang: Bidang | ''; count: number }[];
  };
  waiting: DurationStats;
  waitingInHours: DurationStats;
  length: DurationStats;
  endings: { user: number; petugas: number; timeout: number; open: number };
  ratings: {
    asked: number;
    count: number;
    counts: Record<Rating, number>;
    responseRate: number | null;
    mean: number | null;
    ikm: number | null;
    band: IkmBand | null;
  };
  content: {
    publications: ReportPublication[];
    /** Rows of the week not (yet) published. */
    unpublished: ReportPublication[];
    platforms: PlatformFigures[];
    total: PlatformFigures;
  };
  tasks: { due: number; onTime: number; late: TaskLine[]; notDone: TaskLine[] };
  trend: { weeks: string[]; rows: TrendRow[] };
  recap: RecapFigures;
}

// ---- Helpers ---------------------------------------------------------------------------------

function norm(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function pick<T extends string>(value: string, options: readonly T[]): T | null {
  const n = norm(value);
  return options.find((o) => o.toLowerCase() === n) ?? null;
}

function round1(value: number): number {
  return Math.round(value * 10 + 1e-9) / 10;
}

/** Median and nearest-rank 90th percentile of durations in ms, in minutes (1 decimal). */
export function durationStats(durationsMs: readonly number[]): DurationStats {
  const sorted = durationsMs.filter((d) => Number.isFinite(d) && d >= 0).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { count: 0, medianMin: null, p90Min: null };
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1];
  return { count: n, medianMin: round1(median / MINUTE_MS), p90Min: round1(p90 / MINUTE_MS) };
}

function positive(value: number | null): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function isEnded(s: ReportSession): boolean {
  return s.endedAt !== null || norm(s.status) === norm(SESSION_STATUS.ended);
}

/** `B (Baik)`. */
export function bandText(band: IkmBand | null): string {
  return band ? `${band.grade} (${band.label})` : '';
}

// ---- Sessions --------------------------------------------------------------------------------

interface Classified {
  s: ReportSession;
  jenis: Jenis;
  bidang: Bidang | '';
  channel: Channel;
}

function classify(s: ReportSession): Classified | null {
  const jenis = pick(s.jenis, JENIS);
  if (!jenis) return null;
  const channel = s.channel.trim() === '' ? OTHER_CHANNEL : (pick(s.channel, CHANNELS) ?? OTHER_CHANNEL);
  return { s, jenis, bidang: pick(s.bidang, BIDANG) ?? '', channel };
}

/** Pengaduan first (the SOP's "jumlah pengaduan"), then Konsultasi. */
const JENIS_ORDER: readonly Jenis[] = ['Pengaduan', 'Konsultasi'];

function topicRank(bidang: Bidang | '', topic: string): number {
  if (bidang === '') return 1000;
  const i = (TOPIK[bidang] as readonly string[]).findIndex((t) => norm(t) === norm(topic));
  return i >= 0 ? i : 100;
}

function sessionFigures(week: ReportWeek, all: readonly ReportSession[]) {
  const inWeekSessions = all.filter((s) => inWeek(s.startedAt, week));
  const list: Classified[] = [];
  let unclassified = 0;
  for (const s of inWeekSessions) {
    const c = classify(s);
    if (c) list.push(c);
    else unclassified += 1;
  }
  const count = (f: (c: Classified) => boolean): number => list.filter(f).length;

  const byJenisBidang: JenisBidangCount[] = [];
  for (const jenis of JENIS_ORDER) {
    for (const bidang of BIDANG) {
      byJenisBidang.push({ jenis, bidang, count: count((c) => c.jenis === jenis && c.bidang === bidang) });
    }
    const none = count((c) => c.jenis === jenis && c.bidang === '');
    if (none > 0) byJenisBidang.push({ jenis, bidang: '', count: none });
  }

  const topics = new Map<string, TopicCount>();
  for (const c of list) {
    const known = c.bidang
      ? (TOPIK[c.bidang] as readonly string[]).find((t) => norm(t) === norm(c.s.topic))
      : undefined;
    const topic = known ?? c.s.topic.trim();
    const key = `${c.jenis}|${c.bidang}|${norm(topic)}`;
    const row = topics.get(key);
    if (row) row.count += 1;
    else topics.set(key, { jenis: c.jenis, bidang: c.bidang, topic, count: 1 });
  }
  const byTopic = [...topics.values()].sort(
    (a, b) =>
      JENIS_ORDER.indexOf(a.jenis) - JENIS_ORDER.indexOf(b.jenis) ||
      (a.bidang === '' ? 9 : BIDANG.indexOf(a.bidang)) - (b.bidang === '' ? 9 : BIDANG.indexOf(b.bidang)) ||
      topicRank(a.bidang, a.topic) - topicRank(b.bidang, b.topic) ||
      a.topic.localeCompare(b.topic),
  );

  const byDay: DayCount[] = [];
  for (let i = 0; i < 7; i += 1) {
    const date = addDays(week.start, i);
    const day = list.filter((c) => localDateKey(c.s.startedAt as number, week.offset) === date);
    const complaints = day.filter((c) => c.jenis === 'Pengaduan').length;
    byDay.push({
      date,
      weekday: weekdayOf(date),
      consultations: day.length - complaints,
      complaints,
      total: day.length,
    });
  }

  const complaints = count((c) => c.jenis === 'Pengaduan');
  const outOfHours = count((c) => c.s.outOfHours);
  const whatsapp = count((c) => c.channel === WHATSAPP);
  const complaintsByBidang: { bidang: Bidang | ''; count: number }[] = BIDANG.map((bidang) => ({
    bidang,
    count: count((c) => c.jenis === 'Pengaduan' && c.bidang === bidang),
  }));
  const complaintsNoBidang = count((c) => c.jenis === 'Pengaduan' && c.bidang === '');
  if (complaintsNoBidang > 0) complaintsByBidang.push({ bidang: '', count: complaintsNoBidang });
  return {
    list,
    figures: {
      total: list.length,
      consultations: list.length - complaints,
      complaints,
      koperasi: count((c) => c.bidang === 'Koperasi'),
      ukm: count((c) => c.bidang === 'UKM'),
      inHours: list.length - outOfHours,
      outOfHours,
      whatsapp,
      manual: list.length - whatsapp,
      unclassified,
      byJenisBidang,
      byTopic,
      byChannel: CHANNELS.map((channel) => ({ channel, count: count((c) => c.channel === channel) })),
      byDay,
      complaintsByBidang,
    },
  };
}

// ---- Content and tasks -----------------------------------------------------------------------

function emptyPlatform(platform: string): PlatformFigures {
  return {
    platform,
    items: 0,
    views: 0,
    likes: 0,
    comments: 0,
    shares: 0,
    saves: 0,
    liveViewers: 0,
    questions: 0,
    engagementRate: null,
  };
}

function addMetric(into: PlatformFigures, m: ReportMetric | PlatformFigures, items: number): void {
  into.items += items;
  into.views += positive(m.views);
  into.likes += positive(m.likes);
  into.comments += positive(m.comments);
  into.shares += positive(m.shares);
  into.saves += positive(m.saves);
  into.liveViewers += positive(m.liveViewers);
  into.questions += positive(m.questions);
}

function withRate(p: PlatformFigures): PlatformFigures {
  p.engagementRate = p.views > 0 ? (p.likes + p.comments + p.saves + p.shares) / p.views : null;
  return p;
}

function contentFigures(
  week: ReportWeek,
  metrics: readonly ReportMetric[],
  pubs: readonly ReportPublication[],
) {
  // The latest snapshot per (platform, content); later rows win ties (entered later).
  const latest = new Map<string, ReportMetric>();
  metrics.forEach((m, i) => {
    if (!inWeek(m.date, week)) return;
    const platform = pick(m.platform, PLATFORMS) ?? m.platform.trim();
    const id = m.contentId.trim();
    const key = id ? `${norm(platform)}|${norm(id)}` : `row|${i}`;
    const known = latest.get(key);
    if (!known || (known.date as number) <= (m.date as number)) latest.set(key, { ...m, platform });
  });
  const byPlatform = new Map<string, PlatformFigures>();
  for (const platform of PLATFORMS) byPlatform.set(platform, emptyPlatform(platform));
  for (const m of latest.values()) {
    const name = m.platform || '-';
    if (!byPlatform.has(name)) byPlatform.set(name, emptyPlatform(name));
    addMetric(byPlatform.get(name) as PlatformFigures, m, 1);
  }
  const platforms = [...byPlatform.values()].map(withRate);
  const total = emptyPlatform('');
  for (const p of platforms) addMetric(total, p, p.items);
  const ofWeek = pubs.filter((p) => inWeek(p.publishDate, week));
  const published = (p: ReportPublication): boolean =>
    [CONTENT_STATUS.published, CONTENT_STATUS.evaluated].some((s) => norm(s) === norm(p.status));
  return {
    publications: ofWeek.filter(published),
    unpublished: ofWeek.filter((p) => !published(p)),
    platforms,
    total: withRate(total),
  };
}

function deadlineOf(due: number, offset: number): number {
  // A due date without a time (00:00) means "by the end of that day".
  return localMinuteOfDay(due, offset) === 0 ? due + DAY_MS : due;
}

function taskFigures(week: ReportWeek, tasks: readonly ReportTask[]) {
  const late: TaskLine[] = [];
  const notDone: TaskLine[] = [];
  let due = 0;
  let onTime = 0;
  for (const t of tasks) {
    if (!inWeek(t.due, week) || norm(t.status) === norm(TASK_STATUS.cancelled)) continue;
    due += 1;
    const line: TaskLine = {
      contentId: t.contentId,
      task: t.task,
      team: t.team,
      due: t.due,
      doneAt: t.doneAt,
    };
    const done = t.doneAt !== null || norm(t.status) === norm(TASK_STATUS.done);
    if (!done || (t.doneAt !== null && t.doneAt >= week.endMs)) notDone.push(line);
    else if (t.doneAt !== null && t.doneAt > deadlineOf(t.due, week.offset)) late.push(line);
    else onTime += 1;
  }
  const byDue = (a: TaskLine, b: TaskLine): number => a.due - b.due;
  return { due, onTime, late: late.sort(byDue), notDone: notDone.sort(byDue) };
}

// ---- Trend -----------------------------------------------------------------------------------

function trendOf(week: ReportWeek, recap: RecapFigures, history: readonly Partial<RecapFigures>[]) {
  const weeks = [-4, -3, -2, -1].map((n) => shiftWeek(week, n).label);
  const rowOf = new Map<string, Partial<RecapFigures>>();
  for (const h of history) if (h.week) rowOf.set(h.week.trim().toUpperCase(), h);
  const rows: TrendRow[] = TREND_KEYS.map((key) => {
    const earlier = weeks.map((label) => {
      const v = rowOf.get(label.toUpperCase())?.[key];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    });
    const current = recap[key];
    const known = earlier.filter((v): v is number => v !== null);
    const previousMean = known.length ? round2(known.reduce((a, b) => a + b, 0) / known.length) : null;
    const change =
      current === null || previousMean === null || previousMean === 0
        ? null
        : round2((current - previousMean) / previousMean);
    return { key, values: [...earlier, current], previousMean, change };
  });
  return { weeks: [...weeks, week.label], rows };
}

// ---- The report ------------------------------------------------------------------------------

export function weeklyReport(input: ReportInput): WeeklyReport {
  const { week } = input;
  const { list, figures } = sessionFigures(week, input.sessions);

  const waits: number[] = [];
  const waitsInHours: number[] = [];
  const lengths: number[] = [];
  const endings = { user: 0, petugas: 0, timeout: 0, open: 0 };
  const ratings: number[] = [];
  let asked = 0;
  for (const { s, channel } of list) {
    const chat = channel === WHATSAPP;
    if (chat && s.startedAt !== null && s.firstResponseAt !== null && s.firstResponseAt >= s.startedAt) {
      waits.push(s.firstResponseAt - s.startedAt);
      if (!s.outOfHours) waitsInHours.push(s.firstResponseAt - s.startedAt);
    }
    if (chat && s.endedAt !== null && s.connectedAt !== null && s.endedAt >= s.connectedAt) {
      lengths.push(s.endedAt - s.connectedAt);
    }
    const closedBy: ClosedBy | null = pick(s.closedBy, CLOSED_BY);
    if (closedBy === 'user') endings.user += 1;
    else if (closedBy === 'petugas') endings.petugas += 1;
    else if (closedBy === 'waktu habis') endings.timeout += 1;
    else if (!isEnded(s)) endings.open += 1;
    const rated = s.rating !== null && (RATINGS as readonly number[]).includes(s.rating);
    if (rated) ratings.push(s.rating as number);
    if ((channel === WHATSAPP && isEnded(s)) || rated) asked += 1;
  }
  const summary = summarizeRatings(ratings);
  const ratingFigures = {
    asked,
    count: summary.count,
    counts: summary.counts,
    responseRate: asked > 0 ? round2(summary.count / asked) : null,
    mean: summary.mean,
    ikm: summary.ikm,
    band: summary.band,
  };
  const waiting = durationStats(waits);
  const length = durationStats(lengths);
  const content = contentFigures(week, input.metrics ?? [], input.publications ?? []);
  const tasks = taskFigures(week, input.tasks ?? []);

  const recap: RecapFigures = {
    week: week.label,
    from: week.start,
    to: week.end,
    sessions: figures.total,
    consultations: figures.consultations,
    complaints: figures.complaints,
    koperasi: figures.koperasi,
    ukm: figures.ukm,
    outOfHours: figures.outOfHours,
    manual: figures.manual,
    medianWaitMin: waiting.medianMin,
    p90WaitMin: waiting.p90Min,
    medianLengthMin: length.medianMin,
    p90LengthMin: length.p90Min,
    closedByUser: endings.user,
    closedByOfficer: endings.petugas,
    closedByTimeout: endings.timeout,
    ratings: summary.count,
    responseRate: ratingFigures.responseRate,
    meanRating: summary.mean,
    ikm: summary.ikm,
    ikmBand: bandText(summary.band),
    publications: content.publications.length,
    views: content.total.views,
    likes: content.total.likes,
    comments: content.total.comments,
    liveViewers: content.total.liveViewers,
    questions: content.total.questions,
    tasksLate: tasks.late.length,
    tasksMissing: tasks.notDone.length,
  };

  return {
    week,
    sessions: figures,
    waiting,
    waitingInHours: durationStats(waitsInHours),
    length,
    endings,
    ratings: ratingFigures,
    content,
    tasks,
    trend: trendOf(week, recap, input.history ?? []),
    recap,
  };
}
