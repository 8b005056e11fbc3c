// Checks of the sidebar's forms (manual logging, metrics, Q&A, evaluation). Pure: the sidebar runs
// the same checks before sending, and the server runs them again before writing. Field names in
// messages are the sheet headers staff see.

import { TOPICS } from '../domain/menu';
import { fromLocal, parseYmd } from '../domain/time';
import { BIDANG, isBidang, JENIS, MANUAL_CHANNELS, PLATFORMS } from '../domain/types';
import { render } from '../messages/id';
import type { EvaluationInput, FieldError, ManualLogInput, MetricsInput, QaInput } from './types';

export const METRIC_FIELDS = [
  'views',
  'likes',
  'comments',
  'shares',
  'saves',
  'liveViewers',
  'questions',
] as const;
export const MAX_TEXT = 5000;
export const MAX_SHORT = 200;
/** WhatsApp's limit on a text message body: an officer's reply. */
export const MAX_REPLY = 4096;
/** An officer's note on a session (`Sesi.Catatan`). */
export const MAX_NOTE = 5000;
/** A broadcast's body: WhatsApp allows 4,096 characters, the catalogue's frame takes the rest. */
export const MAX_BROADCAST_BODY = 3500;

/**
 * The sheets the forms write and the header of each column a form fills: the field names staff
 * read in the messages. They are the headers of `store/schema.ts` (a unit test keeps them equal);
 * the pages cannot import the schema, so they are named here.
 */
export const FORM_HEADERS = {
  sessions: {
    channel: 'Kanal',
    phone: 'Nomor',
    name: 'Nama',
    jenis: 'Jenis',
    bidang: 'Bidang',
    topic: 'Topik',
    startedAt: 'Mulai',
    note: 'Catatan',
  },
  metrics: {
    date: 'Tanggal',
    platform: 'Platform',
    contentId: 'ID Konten',
    views: 'Tayangan',
    likes: 'Suka',
    comments: 'Komentar',
    shares: 'Dibagikan',
    saves: 'Disimpan',
    liveViewers: 'Penonton Live',
    questions: 'Pertanyaan',
  },
  qa: {
    at: 'Waktu',
    platform: 'Platform',
    contentId: 'ID Konten',
    question: 'Pertanyaan',
    answer: 'Jawaban',
  },
  evaluations: { date: 'Tanggal', contentId: 'ID Konten', notes: 'Catatan', followUp: 'Tindak Lanjut' },
} as const;

export type FormSheet = keyof typeof FORM_HEADERS;

/** The header staff see for a column (used as the field name in messages). */
export function header(sheet: FormSheet, key: string): string {
  return (FORM_HEADERS[sheet] as Record<string, string>)[key] ?? key;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/;

/** Epoch ms of a local calendar date at 00:00 in a zone of `offset` minutes; null when invalid. */
export function localDateMs(text: string, offset: number): number | null {
  const d = parseYmd(String(text ?? ''));
  return d && d.year >= 2000 && d.year <= 2100 ? fromLocal(d.year, d.month, d.day, 0, 0, offset) : null;
}

/** Epoch ms of a local `yyyy-mm-ddThh:mm` (or with a space, optional seconds); null when invalid. */
export function localDateTimeMs(text: string, offset: number): number | null {
  const m = DATE_TIME.exec(String(text ?? '').trim());
  const day = m ? localDateMs(m[1], offset) : null;
  if (!m || day === null || +m[2] > 23 || +m[3] > 59) return null;
  return day + (+m[2] * 60 + +m[3]) * 60000;
}

function required(errors: FieldError[], sheet: FormSheet, field: string, value: unknown): boolean {
  if (typeof value === 'string' && value.trim() !== '') return true;
  errors.push({ field, message: render('fieldRequired', { key: header(sheet, field) }) });
  return false;
}

function choice(
  errors: FieldError[],
  sheet: FormSheet,
  field: string,
  value: unknown,
  choices: readonly string[],
): void {
  if (!required(errors, sheet, field, value)) return;
  if (!choices.includes(String(value))) {
    errors.push({
      field,
      message: render('fieldChoice', { key: header(sheet, field), choices: choices.join(', ') }),
    });
  }
}

function maxLength(errors: FieldError[], sheet: FormSheet, field: string, value: unknown, max: number): void {
  if (typeof value === 'string' && value.length > max) {
    errors.push({ field, message: render('fieldTooLong', { key: header(sheet, field), max }) });
  }
}

function pastDate(
  errors: FieldError[],
  sheet: FormSheet,
  field: string,
  value: string | undefined,
  now: number,
  offset: number,
  withTime: boolean,
): void {
  if (value === undefined || value.trim() === '') return;
  const ms = withTime ? localDateTimeMs(value, offset) : localDateMs(value, offset);
  const key = header(sheet, field);
  if (ms === null) errors.push({ field, message: render(withTime ? 'fieldDateTime' : 'fieldDate', { key }) });
  else if (ms > now + (withTime ? 60000 : 0)) errors.push({ field, message: render('fieldFuture', { key }) });
}

/** A consultation or complaint that came by phone, in person, Instagram DM, email or otherwise. */
export function validateManual(input: ManualLogInput, now: number, offset: number): FieldError[] {
  const errors: FieldError[] = [];
  choice(errors, 'sessions', 'channel', input.channel, MANUAL_CHANNELS);
  choice(errors, 'sessions', 'jenis', input.jenis, JENIS);
  choice(errors, 'sessions', 'bidang', input.bidang, BIDANG);
  if (isBidang(input.bidang)) choice(errors, 'sessions', 'topic', input.topic, TOPICS[input.bidang]);
  else required(errors, 'sessions', 'topic', input.topic);
  required(errors, 'sessions', 'name', input.name);
  maxLength(errors, 'sessions', 'name', input.name, MAX_SHORT);
  maxLength(errors, 'sessions', 'phone', input.contact, MAX_SHORT);
  if (required(errors, 'sessions', 'note', input.summary)) {
    maxLength(errors, 'sessions', 'note', input.summary, MAX_TEXT);
  }
  pastDate(errors, 'sessions', 'startedAt', input.at, now, offset, true);
  // Field names the form uses for contact and summary.
  const formField: Record<string, string> = { phone: 'contact', note: 'summary', startedAt: 'at' };
  return errors.map((e) => (formField[e.field] ? { ...e, field: formField[e.field] } : e));
}

/** A text field as typed, trimmed ('' when missing or not text). */
export function formText(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** A form's local date-time, or `now` when it was left empty (checked before). */
export function formMoment(text: string | undefined, now: number, offset: number): number {
  return (text && localDateTimeMs(text, offset)) || now;
}

/** Parses a count typed in a form: '' → null, '1200' → 1200, anything else → NaN. */
export function parseCount(text: string): number | null {
  const t = text.trim().replace(/[.\s]/g, '');
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

export function validateMetrics(input: MetricsInput, now: number, offset: number): FieldError[] {
  const errors: FieldError[] = [];
  if (required(errors, 'metrics', 'date', input.date))
    pastDate(errors, 'metrics', 'date', input.date, now, offset, false);
  choice(errors, 'metrics', 'platform', input.platform, PLATFORMS);
  required(errors, 'metrics', 'contentId', input.contentId);
  maxLength(errors, 'metrics', 'contentId', input.contentId, MAX_SHORT);
  let any = false;
  for (const field of METRIC_FIELDS) {
    const v = input[field];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1e12) {
      errors.push({ field, message: render('fieldCount', { key: header('metrics', field) }) });
    } else any = true;
  }
  if (!any && !errors.some((e) => (METRIC_FIELDS as readonly string[]).includes(e.field))) {
    errors.push({ field: 'views', message: render('metricsEmpty') });
  }
  return errors;
}

export function validateQa(input: QaInput, now: number, offset: number): FieldError[] {
  const errors: FieldError[] = [];
  pastDate(errors, 'qa', 'at', input.at, now, offset, true);
  choice(errors, 'qa', 'platform', input.platform, PLATFORMS);
  maxLength(errors, 'qa', 'contentId', input.contentId, MAX_SHORT);
  if (required(errors, 'qa', 'question', input.question))
    maxLength(errors, 'qa', 'question', input.question, MAX_TEXT);
  maxLength(errors, 'qa', 'answer', input.answer, MAX_TEXT);
  return errors;
}

export function validateEvaluation(input: EvaluationInput, now: number, offset: number): FieldError[] {
  const errors: FieldError[] = [];
  if (required(errors, 'evaluations', 'date', input.date)) {
    pastDate(errors, 'evaluations', 'date', input.date, now, offset, false);
  }
  maxLength(errors, 'evaluations', 'contentId', input.contentId, MAX_SHORT);
  if (required(errors, 'evaluations', 'notes', input.notes)) {
    maxLength(errors, 'evaluations', 'notes', input.notes, MAX_TEXT);
  }
  maxLength(errors, 'evaluations', 'followUp', input.followUp, MAX_TEXT);
  return errors;
}
