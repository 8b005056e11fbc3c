// Officers update cases from their phones: `/kasus <ID> proses|selesai|tolak <teks>`,
// `/kasus <ID> kategori ringan` and `/kasus <ID> tindak lanjut` (a Konsultasi becomes a case).
// The officer relay's rules hold: only numbers in `Penanggung Jawab` reach here, only cases of
// their groups are changed, and every refusal is answered in plain Indonesian.

import type { InboundMessage } from '../../channels/types';
import { parseCaseCommand } from '../../domain/cases';
import type { GroupName } from '../../domain/types';
import type { Officer } from '../config';
import type { Ctx } from '../context';
import type { Turn } from '../messaging/turn';
import { deadlineText } from './calendar';
import { markFollowUp } from './follow-up';
import type { CaseUpdateResult } from './update';
import { updateCase } from './update';

/** The groups of an officer's number (one person may serve several). */
export function groupsOfNumber(ctx: Ctx, whatsapp: string): GroupName[] {
  return ctx.config.officers.filter((o) => o.active && o.whatsapp === whatsapp).map((o) => o.group);
}

/** Handles a `/kasus` message; false when the message is not one (the relay handles it). */
export function handleCaseCommand(ctx: Ctx, officer: Officer, m: InboundMessage, turn: Turn): boolean {
  if (m.type !== 'text') return false;
  const cmd = parseCaseCommand(m.text);
  if (!cmd) return false;
  const id = cmd.kind === 'usage' ? '' : cmd.id;
  turn.inbound(m, id, officer.name);
  const tell = (text: string): void => {
    turn.send(
      { kind: 'text', to: officer.whatsapp, text },
      { sessionId: id, phone: officer.whatsapp, sender: 'sistem', kind: 'notifikasi' },
    );
  };
  if (cmd.kind === 'usage') {
    tell(ctx.t('caseUsage'));
    return true;
  }
  const groups = groupsOfNumber(ctx, officer.whatsapp);
  if (cmd.kind === 'followUp') {
    tell(markFollowUp(ctx, id, groups).message);
    return true;
  }
  const res = updateCase(
    ctx,
    {
      id,
      officer: officer.name,
      groups,
      action: cmd.action,
      text: cmd.text,
      toCitizen: cmd.action !== 'kategori',
    },
    turn,
  );
  tell(caseResultText(ctx, id, cmd.action, res));
  return true;
}

/** The officer's answer to an update, in words. */
export function caseResultText(ctx: Ctx, id: string, action: string, res: CaseUpdateResult): string {
  if (!res.ok) {
    switch (res.error) {
      case 'notYours':
        return ctx.t('caseNotYours', { sessionId: id, group: res.case?.group || '-' });
      case 'closed':
        return ctx.t('caseClosed', { sessionId: id, status: res.case?.status ?? '' });
      case 'empty':
        return ctx.t('caseNeedsText', {
          sessionId: id,
          action,
          what: action === 'tolak' ? 'alasan penolakan' : 'jawaban untuk warga',
        });
      case 'category':
        return ctx.t('caseBadCategory');
      default:
        return ctx.t('caseUnknown', { sessionId: id });
    }
  }
  if (action === 'kategori') {
    return ctx.t('caseCategoryChanged', {
      sessionId: id,
      category: res.category ?? '',
      deadline: deadlineText(res.deadline ?? ''),
    });
  }
  return ctx.t('caseUpdatedOfficer', {
    sessionId: id,
    status: res.status ?? '',
    category: res.category ?? '',
    deadline: deadlineText(res.deadline ?? ''),
    sent: res.sent ?? '',
  });
}
