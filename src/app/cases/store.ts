// Cases live on their session's row of `Sesi` (Status Kasus, Kategori Kasus, Batas Kasus, Kasus
// Selesai) and their updates in `Tindak Lanjut`. A case is found by its ID with one exact-match
// search (TextFinder), never by scanning `Sesi`.

import type { CaseCategory, CaseStatus } from '../../domain/cases';
import { isCaseCategory, isCaseStatus } from '../../domain/cases';
import { localDateKey } from '../../domain/time';
import type { GroupName } from '../../domain/types';
import { groupFor, isBidang, isJenis } from '../../domain/types';
import { cellText, cellTime } from '../../store/cells';
import type { RecordOf } from '../../store/schema';
import type { Ctx } from '../context';

export interface CaseRow {
  row: number;
  id: string;
  status: CaseStatus;
  category: CaseCategory;
  deadline: string;
  group: GroupName | '';
  jenis: string;
  bidang: string;
  topic: string;
  phone: string;
  userKey: string;
  name: string;
  openedAt: number;
  resolvedAt: number;
  citizenLastAt: number;
  rating: string;
  /** When the case was escalated to Pelaporan, ms; 0 when it was not. */
  escalatedAt: number;
}

export function caseOf(row: number, rec: RecordOf<'sessions'>, offset: number): CaseRow | null {
  const status = cellText(rec.caseStatus).trim();
  if (!isCaseStatus(status)) return null;
  const jenis = cellText(rec.jenis);
  const bidang = cellText(rec.bidang);
  const category = cellText(rec.caseCategory).trim();
  const deadlineTime = cellTime(rec.caseDeadline);
  const deadlineText = cellText(rec.caseDeadline).trim();
  return {
    row,
    id: cellText(rec.id).trim().toUpperCase(),
    status,
    category: isCaseCategory(category) ? category : 'Normatif',
    deadline:
      deadlineTime !== null
        ? localDateKey(deadlineTime, offset)
        : /^\d{4}-\d{2}-\d{2}$/.test(deadlineText)
          ? deadlineText
          : '',
    group: isJenis(jenis) && isBidang(bidang) ? groupFor(jenis, bidang) : '',
    jenis,
    bidang,
    topic: cellText(rec.topic),
    phone: cellText(rec.phone),
    userKey: cellText(rec.userKey),
    name: cellText(rec.name),
    openedAt: cellTime(rec.endedAt) ?? cellTime(rec.startedAt) ?? 0,
    resolvedAt: cellTime(rec.caseResolvedAt) ?? 0,
    citizenLastAt: cellTime(rec.citizenLastAt) ?? 0,
    rating: cellText(rec.caseRating),
    escalatedAt: cellTime(rec.caseEscalatedAt) ?? 0,
  };
}

/** The session row of an ID (one search), with its record; null when unknown. */
export function findSessionById(ctx: Ctx, id: string): { row: number; rec: RecordOf<'sessions'> } | null {
  const table = ctx.db.table('sessions');
  const row = table.findRow('id', id.trim().toUpperCase());
  return row ? { row, rec: table.readRow(row) } : null;
}

/** The case of an ID, or null (unknown ID, or a session that is not a case). */
export function findCase(ctx: Ctx, id: string): CaseRow | null {
  const found = findSessionById(ctx, id);
  return found ? caseOf(found.row, found.rec, ctx.offset) : null;
}

export interface FollowUp {
  row: number;
  at: number;
  officer: string;
  status: string;
  note: string;
  sent: string;
}

/** The updates of a case in `Tindak Lanjut`, oldest first (one search and one read). */
export function followUpsOf(ctx: Ctx, id: string): FollowUp[] {
  const table = ctx.db.tableIfExists('followUps');
  if (!table) return [];
  const rows = table.findRows('sessionId', id);
  return table.readRows(rows).map(({ row, rec }) => ({
    row,
    at: cellTime(rec.at) ?? 0,
    officer: cellText(rec.officer),
    status: cellText(rec.status),
    note: cellText(rec.note),
    sent: cellText(rec.sentToCitizen),
  }));
}
