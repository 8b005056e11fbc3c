/**
 * The vocabulary of the SOPs and of the sheets staff read: kinds of request, fields, groups,
 * channels, platforms and every status a row can have. Declared once here; `store/schema.ts`
 * offers them as dropdowns, the rules and the use cases compare against them.
 */

/** SOP 000 V.4: the first menu step. */
export type Jenis = 'Konsultasi' | 'Pengaduan';

/** SOP 000 V.5: the second menu step; also the weekly content theme (SOP 001). */
export type Bidang = 'Koperasi' | 'UKM';

/** DESIGN §3.5: who ended a session (stored as is in `Sesi.Ditutup Oleh`). */
export type ClosedBy = 'user' | 'petugas' | 'waktu habis';

/**
 * Lifecycle of a row in `Sesi`.
 * - Menu: the citizen is still choosing in the three-step menu.
 * - Menunggu: connected to a group but no officer reply yet, or waiting out of hours.
 * - Aktif: an officer has answered.
 * - Selesai: ended (by the citizen, an officer or the 30-minute limit).
 * - Ditinggalkan: the menu was left unfinished.
 */
export const SESSION_STATUS = {
  menu: 'Menu',
  waiting: 'Menunggu',
  active: 'Aktif',
  ended: 'Selesai',
  abandoned: 'Ditinggalkan',
} as const;

export type SessionStatus = (typeof SESSION_STATUS)[keyof typeof SESSION_STATUS];

export const SESSION_STATUSES: readonly SessionStatus[] = Object.values(SESSION_STATUS);

/** Statuses in which the citizen's messages belong to the session and officers may reply. */
export const OPEN_SESSION_STATUSES: readonly SessionStatus[] = [
  SESSION_STATUS.waiting,
  SESSION_STATUS.active,
];

export function isOpenSessionStatus(status: SessionStatus): boolean {
  return OPEN_SESSION_STATUSES.includes(status);
}

/** SOP 000 V.2 (responsibility groups) and SOP 001 (teams): the groups of `Penanggung Jawab`. */
export type GroupName =
  | 'Konsultasi Koperasi'
  | 'Konsultasi UKM'
  | 'Pengaduan Koperasi'
  | 'Pengaduan UKM'
  | 'Broadcast'
  | 'Pelaporan'
  | 'Pelaksana'
  | 'Humas'
  | 'Pubdisdok';

export const GROUP_NAMES: readonly GroupName[] = [
  'Konsultasi Koperasi',
  'Konsultasi UKM',
  'Pengaduan Koperasi',
  'Pengaduan UKM',
  'Broadcast',
  'Pelaporan',
  'Pelaksana',
  'Humas',
  'Pubdisdok',
];

export const JENIS: readonly Jenis[] = ['Konsultasi', 'Pengaduan'];
export const BIDANG: readonly Bidang[] = ['Koperasi', 'UKM'];
export const CLOSED_BY: readonly ClosedBy[] = ['user', 'petugas', 'waktu habis'];

/** DESIGN §2 `Sesi.Kanal`: how a request came in; every channel but WhatsApp is logged by hand. */
export const CHANNELS = [
  'WhatsApp',
  'Telepon',
  'Datang langsung',
  'Instagram DM',
  'Email',
  'Lainnya',
] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channel of the bot's own sessions. */
export const WHATSAPP: Channel = 'WhatsApp';
/** Where a channel the sheet does not know is counted. */
export const OTHER_CHANNEL: Channel = 'Lainnya';
/** Channels an officer logs from the sidebar (everything but WhatsApp). */
export const MANUAL_CHANNELS = CHANNELS.filter((c): c is Exclude<Channel, 'WhatsApp'> => c !== 'WhatsApp');
export type ManualChannel = (typeof MANUAL_CHANNELS)[number];

/** SOP 001: where the programme publishes (`Metrik.Platform`, `Tanya Jawab.Platform`). */
export const PLATFORMS = ['Instagram', 'TikTok'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** SOP 001: the weekly theme, in the order the `Tema` dropdown offers it (odd ISO weeks first). */
export const THEMES: readonly Bidang[] = ['UKM', 'Koperasi'];

/** SOP 001 V.1: the format of a publication (`Kalender Konten.Format`). */
export const CONTENT_FORMATS = ['Postingan', 'Video', 'Live'] as const;

/** `Kalender Konten.Status`: planned by the rotation, ready, published, evaluated; or no topic left. */
export const CONTENT_STATUS = {
  planned: 'Direncanakan',
  ready: 'Siap',
  published: 'Terbit',
  evaluated: 'Dievaluasi',
  noTopic: 'Topik habis',
} as const;
export type ContentStatus = (typeof CONTENT_STATUS)[keyof typeof CONTENT_STATUS];
export const CONTENT_STATUSES: readonly ContentStatus[] = Object.values(CONTENT_STATUS);

/** `Tugas.Status`: open, done, or cancelled by the team. */
export const TASK_STATUS = { open: 'Belum', done: 'Selesai', cancelled: 'Dibatalkan' } as const;
export type TaskStatus = (typeof TASK_STATUS)[keyof typeof TASK_STATUS];
export const TASK_STATUSES: readonly TaskStatus[] = Object.values(TASK_STATUS);

/** `Bank Topik.Status`: a topic is used once (DESIGN §4 Rotation). */
export const TOPIC_STATUS = { available: 'Tersedia', used: 'Dipakai' } as const;
export const TOPIC_STATUSES: readonly string[] = Object.values(TOPIC_STATUS);

/** `Narasumber.Status Kontak`: how far Humas got with a speaker; one who declined is not suggested. */
export const SPEAKER_STATUS = {
  notContacted: 'Belum dihubungi',
  contacted: 'Dihubungi',
  willing: 'Bersedia',
  declined: 'Menolak',
} as const;
export const SPEAKER_STATUSES: readonly string[] = Object.values(SPEAKER_STATUS);

/** `Pelanggan Siaran.Status` (DESIGN §3.8): DAFTAR makes a subscriber active, BERHENTI stops them. */
export const SUBSCRIBER_STATUS = { active: 'Aktif', stopped: 'Berhenti' } as const;
export const SUBSCRIBER_STATUSES: readonly string[] = Object.values(SUBSCRIBER_STATUS);

/** `Pesan.Arah`: a message received from or sent to WhatsApp. */
export const DIRECTION = { in: 'masuk', out: 'keluar' } as const;
export const DIRECTIONS: readonly string[] = Object.values(DIRECTION);

/** `Pesan.Status Kirim` of a message the product sent: sent, queued for a retry, or failed. */
export const SEND_STATUS = { sent: 'terkirim', queued: 'antre', failed: 'gagal' } as const;
export type SendStatus = (typeof SEND_STATUS)[keyof typeof SEND_STATUS];

/** `Log Sistem.Tingkat`. */
export const LOG_LEVELS = ['INFO', 'PERINGATAN', 'GALAT'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** SOP 000 V.8: a session is connected to the group responsible for (Jenis × Bidang). */
export function groupFor(jenis: Jenis, bidang: Bidang): GroupName {
  return `${jenis} ${bidang}`;
}

export function isJenis(value: unknown): value is Jenis {
  return typeof value === 'string' && (JENIS as readonly string[]).includes(value);
}

export function isBidang(value: unknown): value is Bidang {
  return typeof value === 'string' && (BIDANG as readonly string[]).includes(value);
}

export function isGroupName(value: unknown): value is GroupName {
  return typeof value === 'string' && (GROUP_NAMES as readonly string[]).includes(value);
}

export function isClosedBy(value: unknown): value is ClosedBy {
  return typeof value === 'string' && (CLOSED_BY as readonly string[]).includes(value);
}

/** An option of an interactive WhatsApp list (row title at most 24 characters). */
export interface Choice {
  id: string;
  title: string;
}

/** A citizen's reply: typed text and/or the id of an interactive list/button choice. */
export interface ReplyInput {
  text?: string;
  choiceId?: string;
}
