/** Shared vocabulary of the SOPs: kinds of request, fields, groups and session states. */

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
export type SessionStatus = 'Menu' | 'Menunggu' | 'Aktif' | 'Selesai' | 'Ditinggalkan';

export const SESSION_STATUSES: readonly SessionStatus[] = [
  'Menu',
  'Menunggu',
  'Aktif',
  'Selesai',
  'Ditinggalkan',
];

/** Statuses in which the citizen's messages belong to the session and officers may reply. */
export const OPEN_SESSION_STATUSES: readonly SessionStatus[] = ['Menunggu', 'Aktif'];

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
