// A case is opened when its chat ends (every `Pengaduan`, and a `Konsultasi` an officer marked
// "perlu tindak lanjut"): its status, category and deadline are written on the session's row
// in one call; the citizen reads the case's deadline in the chat's closing message.

import { CASE_STATUS } from '../../domain/cases';
import { cellText } from '../../store/cells';
import type { RecordOf } from '../../store/schema';
import type { Changes } from '../../store/table';
import type { Ctx } from '../context';
import { deadlineCell, deadlineFor, deadlineText, defaultCategory } from './calendar';

export interface CaseOpening {
  changes: Changes<'sessions'>;
  /** The line for the citizen (`caseOpenedCitizen`). */
  text: string;
}

/** What opening a case writes on its row, for a session ending at `endedAt`. */
export function caseOpening(
  ctx: Ctx,
  s: { sessionId: string; jenis: string; followUp?: boolean; lastInboundAt: number },
  endedAt: number,
): CaseOpening | null {
  if (s.jenis !== 'Pengaduan' && !s.followUp) return null;
  const category = defaultCategory(ctx);
  const deadline = deadlineFor(ctx, endedAt, category);
  return {
    changes: {
      caseStatus: CASE_STATUS.received,
      caseCategory: category,
      caseDeadline: deadlineCell(ctx, deadline),
      citizenLastAt: new Date(s.lastInboundAt || endedAt),
    },
    text: ctx.t('caseOpenedCitizen', { sessionId: s.sessionId, deadline: deadlineText(deadline) }),
  };
}

/** Opens the case of an ended session found on `row` (marked for follow-up after its end). */
export function openCaseOnRow(ctx: Ctx, row: number, rec: RecordOf<'sessions'>): string | null {
  if (cellText(rec.caseStatus)) return null;
  const endedAt = rec.endedAt instanceof Date ? rec.endedAt.getTime() : ctx.now;
  const category = defaultCategory(ctx);
  const deadline = deadlineFor(ctx, endedAt, category);
  ctx.db.update('sessions', row, {
    caseStatus: CASE_STATUS.received,
    caseCategory: category,
    caseDeadline: deadlineCell(ctx, deadline),
  });
  return deadline;
}
