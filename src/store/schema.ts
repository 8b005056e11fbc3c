import { CASE_CATEGORIES, CASE_STATUSES } from '../domain/cases';
import {
  BIDANG,
  CHANNELS,
  CLOSED_BY,
  CONTENT_FORMATS,
  CONTENT_STATUSES,
  DIRECTIONS,
  GROUP_NAMES,
  JENIS,
  LOG_LEVELS,
  PLATFORMS,
  SESSION_STATUSES,
  SPEAKER_STATUSES,
  SUBSCRIBER_STATUSES,
  TASK_STATUSES,
  THEMES,
  TOPIC_STATUSES,
} from '../domain/types';

// The spreadsheet as a database: every sheet and column of DESIGN.md §2, with the exact Indonesian
// names staff see. Code refers to columns by `key`; the sheet is read by header text, so staff
// may reorder columns or add their own. Dropdown values are the vocabulary of domain/types.ts.

export type ColumnType = 'text' | 'number' | 'datetime' | 'date' | 'checkbox' | 'list' | 'any';

export interface ColumnDef {
  readonly key: string;
  readonly header: string;
  readonly type: ColumnType;
  /** Dropdown values for `list` columns. */
  readonly values?: readonly string[];
  /** Written only by the product: protected (warning only). */
  readonly system?: boolean;
  /**
   * Key of the column this one follows. Setup inserts it there when an existing sheet lacks it
   * (other missing columns are added at the end), so writes that span both stay one call.
   */
  readonly after?: string;
}

export interface SheetDef {
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  /** Whole sheet written only by the product (append by pointer, warning-only protection). */
  readonly systemOwned?: boolean;
  /** The product's own working sheet: hidden, and protected as a whole (warning only). */
  readonly hidden?: boolean;
}

const GROUPS = GROUP_NAMES;

const c = (
  key: string,
  header: string,
  type: ColumnType,
  extra: Partial<Pick<ColumnDef, 'values' | 'system' | 'after'>> = {},
): ColumnDef => ({ key, header, type, ...extra });

export const SHEETS = {
  settings: {
    name: 'Pengaturan',
    columns: [c('key', 'Kunci', 'text'), c('value', 'Nilai', 'text'), c('description', 'Keterangan', 'text')],
  },
  officers: {
    name: 'Penanggung Jawab',
    columns: [
      c('group', 'Grup', 'list', { values: GROUPS }),
      c('name', 'Nama', 'text'),
      c('whatsapp', 'WhatsApp', 'text'),
      c('email', 'Email', 'text'),
      c('active', 'Aktif', 'checkbox'),
    ],
  },
  sessions: {
    name: 'Sesi',
    systemOwned: true,
    columns: [
      c('id', 'ID', 'text', { system: true }),
      c('channel', 'Kanal', 'list', { values: CHANNELS }),
      c('phone', 'Nomor', 'text'),
      c('name', 'Nama', 'text'),
      c('jenis', 'Jenis', 'list', { values: JENIS }),
      c('bidang', 'Bidang', 'list', { values: BIDANG }),
      c('topic', 'Topik', 'text'),
      c('status', 'Status', 'list', { values: SESSION_STATUSES }),
      // The conversation's state while it is open (domain/conversation-cell.ts): beside Status,
      // so a turn's write of the row stays one setValues.
      c('state', 'Status Percakapan', 'text', { system: true, after: 'status' }),
      c('startedAt', 'Mulai', 'datetime'),
      c('connectedAt', 'Terhubung', 'datetime'),
      c('firstResponseAt', 'Respons Pertama', 'datetime'),
      c('endedAt', 'Selesai', 'datetime'),
      c('closedBy', 'Ditutup Oleh', 'list', { values: CLOSED_BY }),
      c('officer', 'Petugas', 'text'),
      c('rating', 'Penilaian', 'number'),
      c('ratingLabel', 'Keterangan Penilaian', 'text'),
      c('note', 'Catatan', 'text'),
      c('userKey', 'ID Pengguna', 'text', { system: true }),
      c('outOfHours', 'Di Luar Jam', 'checkbox', { system: true }),
      // Complaints followed to their resolution (issue 14): written together when the chat ends.
      c('caseStatus', 'Status Kasus', 'list', { values: CASE_STATUSES }),
      c('caseCategory', 'Kategori Kasus', 'list', { values: CASE_CATEGORIES }),
      c('caseDeadline', 'Batas Kasus', 'date'),
      c('caseResolvedAt', 'Kasus Selesai', 'datetime'),
      c('citizenLastAt', 'Pesan Warga Terakhir', 'datetime', { system: true }),
      c('caseRating', 'Penilaian Kasus', 'number'),
      c('handovers', 'Dialihkan', 'number', { system: true }),
      // When the case went to Pelaporan: at most once per case, no per-case Script Property.
      c('caseEscalatedAt', 'Kasus Dieskalasi', 'datetime', { system: true }),
    ],
  },
  followUps: {
    name: 'Tindak Lanjut',
    systemOwned: true,
    columns: [
      c('at', 'Waktu', 'datetime'),
      c('sessionId', 'ID Sesi', 'text'),
      c('officer', 'Petugas', 'text'),
      c('status', 'Status', 'list', { values: CASE_STATUSES }),
      c('note', 'Catatan', 'text'),
      c('sentToCitizen', 'Dikirim ke Warga', 'text'),
      c('messageId', 'ID Pesan', 'text', { system: true }),
    ],
  },
  messages: {
    name: 'Pesan',
    systemOwned: true,
    columns: [
      c('at', 'Waktu', 'datetime'),
      c('sessionId', 'ID Sesi', 'text'),
      c('direction', 'Arah', 'list', { values: DIRECTIONS }),
      c('phone', 'Nomor', 'text'),
      c('type', 'Jenis Pesan', 'text'),
      c('body', 'Isi', 'text'),
      c('messageId', 'ID Pesan', 'text'),
      c('sendStatus', 'Status Kirim', 'text'),
      c('sender', 'Pengirim', 'text'),
      c('attachment', 'Lampiran', 'text', { system: true }),
    ],
  },
  quickReplies: {
    name: 'Jawaban Cepat',
    columns: [
      c('code', 'Kode', 'text'),
      c('title', 'Judul', 'text'),
      c('body', 'Isi', 'text'),
      c('group', 'Grup', 'list', { values: GROUPS.slice(0, 4) }),
    ],
  },
  holidays: {
    name: 'Hari Libur',
    columns: [c('date', 'Tanggal', 'date'), c('description', 'Keterangan', 'text')],
  },
  topics: {
    name: 'Bank Topik',
    columns: [
      c('topic', 'Topik', 'text'),
      c('theme', 'Tema', 'list', { values: THEMES }),
      c('description', 'Keterangan', 'text'),
      c('status', 'Status', 'list', { values: TOPIC_STATUSES }),
      c('usedWeek', 'Dipakai Minggu', 'text'),
    ],
  },
  calendar: {
    name: 'Kalender Konten',
    columns: [
      c('id', 'ID Konten', 'text', { system: true }),
      c('publishDate', 'Tanggal Terbit', 'date'),
      c('isoWeek', 'Minggu ISO', 'text'),
      c('theme', 'Tema', 'list', { values: THEMES }),
      c('topic', 'Topik', 'text'),
      c('speaker', 'Narasumber', 'text'),
      c('format', 'Format', 'list', { values: CONTENT_FORMATS }),
      c('status', 'Status', 'list', { values: CONTENT_STATUSES }),
      c('note', 'Catatan', 'text'),
      c('instagramLink', 'Tautan Instagram', 'text'),
      c('tiktokLink', 'Tautan TikTok', 'text'),
    ],
  },
  speakers: {
    name: 'Narasumber',
    columns: [
      c('name', 'Nama', 'text'),
      c('organisation', 'Organisasi', 'text'),
      c('kind', 'Jenis', 'list', { values: BIDANG }),
      c('position', 'Jabatan', 'text'),
      c('contact', 'Kontak', 'text'),
      c('contactStatus', 'Status Kontak', 'list', { values: SPEAKER_STATUSES }),
      c('lastFeatured', 'Terakhir Tampil', 'date'),
    ],
  },
  tasks: {
    name: 'Tugas',
    columns: [
      c('contentId', 'ID Konten', 'text'),
      c('task', 'Tugas', 'text'),
      c('team', 'Tim', 'list', { values: GROUPS }),
      c('due', 'Jatuh Tempo', 'datetime'),
      c('status', 'Status', 'list', { values: TASK_STATUSES }),
      c('doneAt', 'Selesai', 'datetime'),
      c('key', 'Kode', 'text', { system: true }),
    ],
  },
  metrics: {
    name: 'Metrik',
    columns: [
      c('date', 'Tanggal', 'date'),
      c('platform', 'Platform', 'list', { values: PLATFORMS }),
      c('contentId', 'ID Konten', 'text'),
      c('views', 'Tayangan', 'number'),
      c('likes', 'Suka', 'number'),
      c('comments', 'Komentar', 'number'),
      c('shares', 'Dibagikan', 'number'),
      c('saves', 'Disimpan', 'number'),
      c('liveViewers', 'Penonton Live', 'number'),
      c('questions', 'Pertanyaan', 'number'),
    ],
  },
  qa: {
    name: 'Tanya Jawab',
    columns: [
      c('at', 'Waktu', 'datetime'),
      c('platform', 'Platform', 'list', { values: PLATFORMS }),
      c('contentId', 'ID Konten', 'text'),
      c('question', 'Pertanyaan', 'text'),
      c('answer', 'Jawaban', 'text'),
    ],
  },
  evaluations: {
    name: 'Evaluasi',
    columns: [
      c('date', 'Tanggal', 'date'),
      c('contentId', 'ID Konten', 'text'),
      c('notes', 'Catatan', 'text'),
      c('followUp', 'Tindak Lanjut', 'text'),
    ],
  },
  subscribers: {
    name: 'Pelanggan Siaran',
    columns: [
      c('phone', 'Nomor', 'text'),
      c('name', 'Nama', 'text'),
      c('status', 'Status', 'list', { values: SUBSCRIBER_STATUSES }),
      c('since', 'Sejak', 'datetime'),
      c('lastInbound', 'Pesan Terakhir', 'datetime', { system: true }),
    ],
  },
  broadcastLog: {
    name: 'Log Siaran',
    systemOwned: true,
    columns: [
      c('at', 'Waktu', 'datetime'),
      c('topic', 'Topik', 'text'),
      c('phone', 'Nomor', 'text'),
      c('status', 'Status', 'text'),
      c('error', 'Kesalahan', 'text'),
      c('broadcastId', 'ID Siaran', 'text'),
      c('messageId', 'ID Pesan', 'text', { system: true }),
    ],
  },
  weekly: {
    name: 'Rekap Mingguan',
    columns: [
      c('week', 'Minggu', 'text'),
      c('from', 'Dari', 'date'),
      c('to', 'Sampai', 'date'),
      c('sessions', 'Sesi', 'number'),
      c('consultations', 'Konsultasi', 'number'),
      c('complaints', 'Pengaduan', 'number'),
      c('koperasi', 'Koperasi', 'number'),
      c('ukm', 'UKM', 'number'),
      c('outOfHours', 'Di Luar Jam', 'number'),
      c('manual', 'Manual', 'number'),
      c('medianWaitMin', 'Median Tunggu (menit)', 'number'),
      c('p90WaitMin', 'P90 Tunggu (menit)', 'number'),
      c('medianLengthMin', 'Median Durasi (menit)', 'number'),
      c('p90LengthMin', 'P90 Durasi (menit)', 'number'),
      c('closedByUser', 'Ditutup Pengguna', 'number'),
      c('closedByOfficer', 'Ditutup Petugas', 'number'),
      c('closedByTimeout', 'Waktu Habis', 'number'),
      c('ratings', 'Penilaian', 'number'),
      c('responseRate', 'Tingkat Respons Penilaian', 'number'),
      c('meanRating', 'Rata-rata Penilaian', 'number'),
      c('ikm', 'IKM (indikatif)', 'number'),
      c('ikmBand', 'Mutu IKM', 'text'),
      c('publications', 'Publikasi', 'number'),
      c('views', 'Tayangan', 'number'),
      c('likes', 'Suka', 'number'),
      c('comments', 'Komentar', 'number'),
      c('liveViewers', 'Penonton Live', 'number'),
      c('questions', 'Pertanyaan', 'number'),
      c('tasksLate', 'Tugas Terlambat', 'number'),
      c('tasksMissing', 'Tugas Belum Selesai', 'number'),
      c('casesOpened', 'Kasus Dibuka', 'number'),
      c('casesResolved', 'Kasus Diselesaikan', 'number'),
      c('casesOnTimePct', 'Kasus Tepat Waktu (%)', 'number'),
      c('casesMedianDays', 'Median Hari Kerja Penyelesaian', 'number'),
      c('casesOpen', 'Kasus Terbuka', 'number'),
      c('casesOverdue', 'Kasus Terlambat', 'number'),
      c('caseRatings', 'Penilaian Kasus', 'number'),
      c('caseMeanRating', 'Rata-rata Penilaian Kasus', 'number'),
      c('caseRating1', 'Penilaian Kasus 1', 'number'),
      c('caseRating2', 'Penilaian Kasus 2', 'number'),
      c('caseRating3', 'Penilaian Kasus 3', 'number'),
      c('caseRating4', 'Penilaian Kasus 4', 'number'),
      c('reportSheet', 'Lembar Laporan', 'text'),
      c('generatedAt', 'Dibuat', 'datetime'),
    ],
  },
  // Deliveries the webhook could not handle (the lock was busy, a storage or quota error): kept
  // here with `appendRow` (no lock needed) and handled again by tick (helpdesk/backlog.ts).
  inboundQueue: {
    name: 'Antrean Masuk',
    hidden: true,
    columns: [
      c('at', 'Waktu', 'datetime'),
      c('attempts', 'Percobaan', 'number'),
      c('reason', 'Alasan', 'text'),
      c('payload', 'Isi', 'text'),
    ],
  },
  systemLog: {
    name: 'Log Sistem',
    systemOwned: true,
    columns: [
      c('at', 'Waktu', 'datetime'),
      c('level', 'Tingkat', 'list', { values: LOG_LEVELS }),
      c('source', 'Sumber', 'text'),
      c('message', 'Pesan', 'text'),
    ],
  },
} as const satisfies Record<string, SheetDef>;

export type SheetKey = keyof typeof SHEETS;
export const SHEET_ORDER: readonly SheetKey[] = Object.keys(SHEETS) as SheetKey[];

/** The record type of a sheet: one field per column key. */
export type RecordOf<K extends SheetKey> = {
  [C in (typeof SHEETS)[K]['columns'][number] as C['key']]: CellValue;
};

export type CellValue = string | number | boolean | Date;
