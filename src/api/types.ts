// Requests and responses of the sidebar and dialogs, shared by client and server. Plain JSON only:
// dates cross as ISO strings. Shapes the rules already define are taken from `domain/`, not copied.

import type { BroadcastCounts, BroadcastState } from '../domain/broadcast';
import type { PlannedPublication, Speaker } from '../domain/content';
import type { ReportMetric } from '../domain/report';
import type { CapacityLevel, CitizenQuery } from '../domain/retention';
import type { Bidang, ClosedBy, Jenis, ManualChannel, SendStatus } from '../domain/types';

export type { BroadcastState, ManualChannel };

export interface SettingsView {
  provider: 'cloud' | 'fonnte';
  phoneNumberId: string;
  hasAccessToken: boolean;
  hasFonnteToken: boolean;
  verifyToken: string;
  webhookUrl: string;
  graphVersion: string;
}

export interface SettingsInput {
  provider: 'cloud' | 'fonnte';
  phoneNumberId: string;
  /** Empty: keep the stored token. */
  accessToken: string;
  fonnteToken: string;
  verifyToken: string;
  regenerateWebhookKey: boolean;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface SaveResult {
  ok: boolean;
  errors: FieldError[];
  settings?: SettingsView;
}

// ---- Staff sidebar (issue 5): inbox, conversation, manual logging, content records, kit ----

/** One waiting or active WhatsApp session in the inbox. */
export interface InboxItem {
  sessionId: string;
  name: string;
  /**
   * Masked number (`0812****7890`): the list never shows full numbers. A citizen known only by a
   * WhatsApp user id (username, no number) shows the id shortened (`US.a1b2…9f0e`).
   */
  phone: string;
  jenis: string;
  bidang: string;
  topic: string;
  /** Responsibility group (`Konsultasi UKM` …). */
  group: string;
  status: string;
  /** Arrived outside service hours and no officer has answered yet. */
  outOfHours: boolean;
  /** No officer reply yet. */
  waiting: boolean;
  officer: string;
  startedAt: string;
  lastActivityAt: string;
  /** Minutes left of the session; null while it waits out of hours (the clock has not started). */
  minutesLeft: number | null;
  /** Citizen messages since the last officer reply. */
  unread: number;
  /** Hand-overs to another group so far. */
  handovers?: number;
}

/** A session that ended recently and waits for the citizen's rating. */
export interface RecentItem {
  sessionId: string;
  name: string;
  phone: string;
  jenis: string;
  bidang: string;
  topic: string;
  group: string;
  endedAt: string;
}

export interface InboxView {
  sessions: InboxItem[];
  recent: RecentItem[];
  now: string;
  /** UTC offset in minutes of the service's zone (Pengaturan → Zona Waktu): the sidebar shows times in it. */
  offset: number;
  /** Its label: `WIB`, `WITA`, `WIT`, or `UTC+…`. */
  zone: string;
  /** The officer using the sidebar (name in `Penanggung Jawab`, else the email): for "ditangani oleh". */
  me?: string;
}

/** The help desk's four responsibility groups (`Konsultasi Koperasi` …). */
export type InboxGroup = `${Jenis} ${Bidang}`;

/** One message of a transcript. `text` is the citizen's or officer's words: show it as text only. */
export interface TranscriptEntry {
  row: number;
  at: string;
  from: 'warga' | 'petugas' | 'bot';
  sender: string;
  /** Media kind label (`gambar`, `dokumen` …) or '' for text. */
  media: string;
  text: string;
  /** Send status of outgoing messages (`terkirim`, `antre: …`, `gagal: …`). */
  status: string;
  /** The attachment (`Pesan.Lampiran`): a stored Drive file to ask `media.get` for, or a note. */
  attachment?: { fileId: string; note: string; name: string; image: boolean };
}

/** A stored attachment, served to the sidebar (never by a public link). */
export interface MediaView {
  name: string;
  mime: string;
  size: number;
  /** Base64 content; '' when the file is too large to open from the panel. */
  data: string;
  /** A known image type: the sidebar may show `data` as a thumbnail. */
  image: boolean;
  /** Indonesian note when `data` is empty. */
  note: string;
}

export interface SessionView {
  sessionId: string;
  /** Full number: this is the open conversation. */
  phone: string;
  name: string;
  channel: string;
  jenis: string;
  bidang: string;
  topic: string;
  status: string;
  officer: string;
  note: string;
  startedAt: string;
  connectedAt: string;
  firstResponseAt: string;
  endedAt: string;
  /** Officers can still reply. */
  open: boolean;
  /** It can go to another group: the chat is open, or its case is (Diterima, Diproses). */
  canHandOver?: boolean;
  closedBy: ClosedBy | '';
  closedByLabel: string;
  minutesLeft: number | null;
  outOfHours: boolean;
  rating: number | null;
  ratingLabel: string;
  messages: TranscriptEntry[];
  /** The officer using the sidebar: a reply to a session `officer` owns asks first. */
  me?: string;
  handovers?: number;
}

export interface SessionActionResult {
  ok: boolean;
  /** Indonesian message when not ok. */
  error?: string;
  /** For replies: `terkirim`, `antre` (retried automatically) or `gagal`. */
  sendStatus?: SendStatus;
  sendError?: string;
  /** A reply refused because another officer owns the session (send again with `force`). */
  claimedBy?: string;
}

/** One quick reply of `Jawaban Cepat`, its text filled for the session asked about. */
export interface QuickReplyItem {
  code: string;
  title: string;
  /** The text with `{nama}`, `{id}` … filled in (plain text: show and insert as text only). */
  text: string;
  group: string;
}

export interface QuickReplyView {
  replies: QuickReplyItem[];
  /** The help-desk groups a session can be handed over to. */
  groups: string[];
}

export interface ManualLogInput {
  channel: ManualChannel;
  jenis: string;
  bidang: string;
  topic: string;
  name: string;
  /** Phone number, email or account name. */
  contact: string;
  summary: string;
  /** Local date-time `yyyy-mm-ddThh:mm` in the service's time zone; empty: now. */
  at?: string;
}

/** Result of a form: field errors (Indonesian), or what was written. */
export interface RecordResult {
  ok: boolean;
  errors: FieldError[];
  /** The new session id (manual log). */
  id?: string;
  /** Sheet row written. */
  row?: number;
}

/** A `Metrik` row as the sidebar sends it: the report's figures of a post, its date as typed. */
export interface MetricsInput extends Omit<ReportMetric, 'date'> {
  /** Local date `yyyy-mm-dd`. */
  date: string;
}

export interface QaInput {
  /** Local date-time `yyyy-mm-ddThh:mm`; empty: now. */
  at?: string;
  platform: string;
  contentId: string;
  question: string;
  answer: string;
}

export interface EvaluationInput {
  /** Local date `yyyy-mm-dd`. */
  date: string;
  contentId: string;
  notes: string;
  followUp: string;
}

export interface TaskItem {
  row: number;
  key: string;
  contentId: string;
  task: string;
  team: string;
  due: string;
  overdue: boolean;
}

export interface ContentItem {
  id: string;
  /** Local date `yyyy-mm-dd`. */
  publishDate: string;
  theme: string;
  topic: string;
  format: string;
  status: string;
}

/** The socialisation kit (SOP 000 table, step 5). */
export interface KitView {
  number: string;
  greeting: string;
  /** `https://wa.me/…?text=…`; '' when the service number is not set. */
  link: string;
  caption: string;
  /** Why there is no link (Indonesian), or ''. */
  problem: string;
}

// ---- Content programme and broadcasts (issue 7) ----

/**
 * A speaker of `Narasumber` suggested for a publication; `lastFeatured` is the `yyyy-mm-dd` of the
 * last appearance up to the publication ('' when never).
 */
export type SpeakerItem = Speaker;

export interface SpeakersView {
  contentId: string;
  /** Publication date `yyyy-mm-dd`. */
  date: string;
  theme: Bidang;
  /** Who the calendar row names now ('' when nobody or no row yet). */
  current: string;
  /** Speakers of the theme not featured within 90 days, least recently featured first. */
  suggestions: SpeakerItem[];
}

/** A publication as the rotation planned it (`change`: what this run did). */
export type PlannedItem = PlannedPublication;

export interface PlanView {
  publications: PlannedItem[];
  created: number;
  filled: number;
  noTopic: number;
  tasksCreated: number;
  /** Last date covered (`yyyy-mm-dd`). */
  until: string;
  /** One Indonesian sentence for the sidebar. */
  message: string;
}

export interface BroadcastTopicItem {
  row: number;
  topic: string;
  theme: string;
  /** `Keterangan`: a ready text the sidebar may offer as the body. */
  description: string;
  status: string;
  /** ISO time the topic was last broadcast ('' when never, from the recent history). */
  lastBroadcast: string;
}

export interface BroadcastStartInput {
  topic: string;
  body: string;
  /** Send a topic again that was broadcast before. */
  again?: boolean;
  /** Only count recipients; start nothing. */
  preview?: boolean;
}

/**
 * A broadcast with its counts (`domain/broadcast.ts`): `templated` of `sent` went as the approved
 * template (outside the 24-hour window); `uncertain` were interrupted mid-send (may or may not have
 * arrived; never re-sent).
 */
export interface BroadcastSummary extends BroadcastCounts {
  id: string;
  topic: string;
  status: BroadcastState;
  /** Indonesian label of the status. */
  statusLabel: string;
  startedAt: string;
  startedBy: string;
  finishedAt: string;
  /** Still queued. */
  remaining: number;
  percent: number;
}

export interface BroadcastStatusView {
  /** The running (or last) broadcast; null when none ever ran. */
  current: (BroadcastSummary & { resumeAt: string; lastError: string }) | null;
  active: boolean;
  dailyLimit: number;
  sentToday: number;
  /** Recent finished broadcasts, newest first. */
  history: BroadcastSummary[];
}

export interface BroadcastStartResult {
  ok: boolean;
  /** Indonesian reason when not ok. */
  error: string;
  started: boolean;
  /** Active subscribers (each number once). */
  recipients: number;
  /** Cloud API: how many are outside the 24-hour window (template or skipped). */
  outsideWindow: number;
  templateName: string;
  /** Indonesian warnings (e.g. no template configured). */
  warnings: string[];
  status: BroadcastStatusView;
}

/** `report.run`: what the weekly report produced. */
export interface ReportRunView {
  week: string;
  sheetName: string;
  sessions: number;
  complaints: number;
  recipients: number;
  mailed: boolean;
  attachedPdf: boolean;
  /** Indonesian texts of problems that did not stop the report (PDF, email). */
  problems: string[];
  /** Indonesian summary to show. */
  message: string;
}

/** `report.weeks`: weeks to choose from, newest first (the current week first, incomplete). */
export interface ReportWeeksView {
  /** The default: the last complete week, `2026-W47`. */
  previous: string;
  weeks: { week: string; range: string; reported: boolean; complete: boolean; sheetName: string }[];
}

type NoRequest = Record<string, never>;

// ---- Data lifecycle and privacy (issue 8) ----

/** How full the spreadsheet is against the 10-million-cell limit (every sheet's grid). */
/** Whose `tick` trigger runs the service (a trigger runs as, and on the quotas of, its creator). */
export interface TriggerOwnerView {
  /** The owner's email ('' before the first setup). */
  owner: string;
  /** The account asking is the owner. */
  mine: boolean;
}

export interface CapacityView {
  cells: number;
  limit: number;
  /** Percent of the limit, one decimal. */
  percent: number;
  /** ok below 70 %, warning from 70 %, critical from 85 %. */
  level: CapacityLevel;
  /** ISO time of the measurement. */
  measuredAt: string;
  /** Each daily quota of the Google account, and the Script Properties store (issue 13). */
  quotas: QuotaMeter[];
  /** `konsumen` or `Workspace`: whose limits apply (Pengaturan → Jenis Akun Google). */
  account: string;
}

export type QuotaMeterKind = 'mail' | 'urlFetch' | 'trigger' | 'properties';

/** One quota in the capacity meter: its use today against its limit, in words. */
export interface QuotaMeter {
  kind: QuotaMeterKind;
  used: number;
  limit: number;
  /** Percent of the limit, one decimal. */
  percent: number;
  level: CapacityLevel;
  /** ISO time the 24-hour window renews, '' while nothing was spent (or for the store). */
  renewsAt: string;
}

/** A number in any format (0812…, +62 812…, 62812…) or a WhatsApp user id. */
export interface PrivacyQuery {
  query: string | number;
}

/** Rows of one citizen in one sheet (of the spreadsheet or of an archive). */
export interface PrivacySheetHits {
  /** 'HALO KOP-UKM' for this spreadsheet, else the archive's name. */
  spreadsheet: string;
  sheet: string;
  url: string;
  count: number;
  /** Row numbers as ranges, e.g. "2–4, 9". */
  rows: string;
}

export interface PrivacyResult {
  /** The query as shown to people: the number masked. */
  query: string;
  kind: CitizenQuery['kind'];
  sheets: PrivacySheetHits[];
  /** Rows in all sheets. */
  total: number;
  /** Conversations in progress (citizen states in Script Properties). */
  states: number;
  /** Messages waiting in the send retry queue. */
  queued: number;
  /** True once everything listed was deleted. */
  deleted: boolean;
}

/** One open case in the sidebar's Kasus tab (issue 14). */
export interface CaseItem {
  sessionId: string;
  name: string;
  jenis: string;
  bidang: string;
  topic: string;
  group: string;
  status: string;
  category: string;
  /** `yyyy-mm-dd`. */
  deadline: string;
  /** Working days left: 0 on the deadline's day, negative when overdue. */
  daysLeft: number;
  lastNote: string;
}

export interface CasesView {
  /** Open cases of the officer's groups (every group for an editor without one), overdue first. */
  cases: CaseItem[];
  groups: string[];
  categories: string[];
}

export interface CaseUpdateRequest {
  sessionId: string;
  action: 'proses' | 'selesai' | 'tolak' | 'kategori';
  text: string;
  toCitizen: boolean;
}

export interface CaseActionResult {
  ok: boolean;
  /** Indonesian message: the outcome, or why nothing changed. */
  message: string;
}

export interface ApiMap {
  'cases.list': { req: NoRequest; res: CasesView };
  'cases.update': { req: CaseUpdateRequest; res: CaseActionResult };
  'cases.followUp': { req: { sessionId: string }; res: CaseActionResult };
  'settings.get': { req: Record<string, never>; res: SettingsView };
  'settings.save': { req: SettingsInput; res: SaveResult };
  'admin.setup': {
    req: Record<string, never>;
    res: { createdSheets: string[]; addedColumns: string[]; message: string; trigger: TriggerOwnerView };
  };
  'admin.trigger': { req: NoRequest; res: TriggerOwnerView };
  'inbox.list': { req: { group?: InboxGroup | '' }; res: InboxView };
  'session.get': { req: { sessionId: string }; res: SessionView };
  'session.reply': { req: { sessionId: string; text: string; force?: boolean }; res: SessionActionResult };
  'session.handover': { req: { sessionId: string; group: string }; res: SessionActionResult };
  'media.get': { req: { sessionId: string; fileId: string }; res: MediaView };
  'session.sendFile': {
    req: { sessionId: string; name: string; mime: string; data: string; caption?: string; force?: boolean };
    res: SessionActionResult;
  };
  'quickReplies.list': { req: { sessionId?: string; query?: string }; res: QuickReplyView };
  'session.close': { req: { sessionId: string }; res: SessionActionResult };
  'session.note': { req: { sessionId: string; note: string }; res: SessionActionResult };
  'manual.log': { req: ManualLogInput; res: RecordResult };
  'content.metrics.add': { req: MetricsInput; res: RecordResult };
  'content.qa.add': { req: QaInput; res: RecordResult };
  'content.evaluation.add': { req: EvaluationInput; res: RecordResult };
  'content.list': { req: NoRequest; res: ContentItem[] };
  'tasks.list': { req: { team?: string }; res: TaskItem[] };
  'tasks.done': { req: { row: number; key: string; task?: string }; res: SessionActionResult };
  'kit.get': { req: NoRequest; res: KitView };
  'admin.openSettings': { req: NoRequest; res: { opened: boolean } };
  'content.speakers': { req: { contentId?: string; date?: string }; res: SpeakersView };
  'content.plan': { req: NoRequest; res: PlanView };
  'broadcast.topics': { req: NoRequest; res: BroadcastTopicItem[] };
  'broadcast.start': { req: BroadcastStartInput; res: BroadcastStartResult };
  'broadcast.status': { req: NoRequest; res: BroadcastStatusView };
  'broadcast.cancel': { req: NoRequest; res: BroadcastStatusView };
  'report.run': { req: { week?: string }; res: ReportRunView };
  'report.weeks': { req: NoRequest; res: ReportWeeksView };
  'capacity.get': { req: NoRequest; res: CapacityView };
  'admin.archiveNow': { req: NoRequest; res: { message: string } };
  'privacy.find': { req: PrivacyQuery; res: PrivacyResult };
  'privacy.delete': { req: PrivacyQuery & { confirm: boolean }; res: PrivacyResult };
}

export type ApiName = keyof ApiMap;

/**
 * The server's clock, carried by every answer of an editor's call: the pages compute "today",
 * "sisa N menit" and "Diperbarui …" from it, never from the browser's own clock.
 */
export interface ServerClock {
  /** The server's time when it answered (ISO). */
  now: string;
  /** UTC offset in minutes of the service's zone (Pengaturan → Zona Waktu). */
  offset: number;
  /** Its label: `WIB`, `WITA`, `WIT`, or `UTC+…`. */
  zone: string;
}

/** What every server call answers: the result, or an Indonesian error message; with the server's clock. */
export type ApiResponse<T> =
  { ok: true; data: T; clock?: ServerClock } | { ok: false; error: string; clock?: ServerClock };
