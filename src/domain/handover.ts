/**
 * Hand-over (issue 15): an officer moves a session to another responsibility group, by name as
 * staff type it (`Konsultasi UKM`, `konsul ukm`, `aduan-koperasi`). Pure.
 */

import type { Bidang, Jenis } from './types';

export interface HelpdeskGroup {
  jenis: Jenis;
  bidang: Bidang;
  /** `Konsultasi UKM` …, as in `Penanggung Jawab`. */
  group: string;
}

export const HELPDESK_GROUPS: readonly HelpdeskGroup[] = [
  { jenis: 'Konsultasi', bidang: 'Koperasi', group: 'Konsultasi Koperasi' },
  { jenis: 'Konsultasi', bidang: 'UKM', group: 'Konsultasi UKM' },
  { jenis: 'Pengaduan', bidang: 'Koperasi', group: 'Pengaduan Koperasi' },
  { jenis: 'Pengaduan', bidang: 'UKM', group: 'Pengaduan UKM' },
];

function jenisOf(word: string): Jenis | null {
  if (/^(kons|konsul|konsultasi|tanya|k)$/.test(word) || word.startsWith('kons')) return 'Konsultasi';
  if (/^(p|adu|aduan|lapor)$/.test(word) || word.startsWith('peng') || word.startsWith('adu'))
    return 'Pengaduan';
  return null;
}

function bidangOf(word: string): Bidang | null {
  if (word.startsWith('kop')) return 'Koperasi';
  if (/^(u|ukm|umkm|usaha)$/.test(word)) return 'UKM';
  return null;
}

/** The help-desk group a typed name means, or null (also for other teams: Humas, Pelaporan …). */
export function matchGroup(input: string): HelpdeskGroup | null {
  const words = String(input ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return null;
  // "konsultasiukm" written together.
  if (words.length === 1) {
    const w = words[0];
    for (const g of HELPDESK_GROUPS) if (g.group.toLowerCase().replace(/\s+/g, '') === w) return g;
    const split = /^(konsultasi|konsul|kons|pengaduan|aduan)(koperasi|kop|ukm|umkm)$/.exec(w);
    if (!split) return null;
    words.splice(0, 1, split[1], split[2]);
  }
  let jenis: Jenis | null = null;
  let bidang: Bidang | null = null;
  for (const w of words) {
    const b = bidangOf(w);
    if (b && !bidang) {
      bidang = b;
      continue;
    }
    const j = jenisOf(w);
    if (j && !jenis) {
      jenis = j;
      continue;
    }
    return null; // a word that is neither: not a group we know
  }
  if (!jenis || !bidang) return null;
  return HELPDESK_GROUPS.find((g) => g.jenis === jenis && g.bidang === bidang) ?? null;
}

export interface HandoverCommand {
  sessionId: string;
  /** The group as typed ('' when missing). */
  group: string;
}

/** `/alihkan <ID> <grup>` (also `/alih`); the id may be left out when the officer quotes a notification. */
export function parseHandoverCommand(text: string): HandoverCommand | null {
  const m = /^\s*\/(?:alihkan|alih)(?:\s+(.*))?$/is.exec(String(text ?? ''));
  if (!m) return null;
  let rest = (m[1] ?? '').trim();
  let sessionId = '';
  const id = /^(HK-\d{4}-\d{4,})\b\s*/i.exec(rest);
  if (id) {
    sessionId = id[1].toUpperCase();
    rest = rest.slice(id[0].length);
  }
  return { sessionId, group: rest.trim() };
}
