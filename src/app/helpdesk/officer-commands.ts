// Commands an officer types on the phone (issue 15), besides plain replies and `/tutup`
// (app/officer.ts): `/alihkan <ID> <grup>` hands the session to another group; `/j <kode>` quoting
// a notification, or `/j <kode> <ID>`, sends a quick reply from `Jawaban Cepat` (held with a
// warning, like any answer, when another officer handles the session).

import type { InboundMessage } from '../../channels/types';
import { parseHandoverCommand } from '../../domain/handover';
import { findQuickReply, parseQuickReplyCommand } from '../../domain/quick-replies';
import { SEND_STATUS } from '../../domain/types';
import type { MessageKey } from '../../messages/id';
import { CLOSED_BY_LABELS } from '../../messages/id';
import type { Officer } from '../config';
import type { Ctx } from '../context';
import { groupList, handOver } from '../handover/handover';
import type { Turn } from '../messaging/turn';
import {
  loadQuickReplies,
  quickReplyList,
  quickReplyVars,
  renderQuickReply,
} from '../quick-replies/quick-replies';
import { openSession, replyUnlessClaimed } from './officer';

/** True when the message was one of these commands (handled, the officer told the outcome). */
export function handleOfficerCommand(
  ctx: Ctx,
  officer: Officer,
  m: InboundMessage,
  turn: Turn,
  quotedSession: () => string,
): boolean {
  if (m.type !== 'text') return false;
  const handover = parseHandoverCommand(m.text);
  const quick = handover ? null : parseQuickReplyCommand(m.text);
  if (!handover && !quick) return false;
  const sessionId = ((handover ?? quick)!.sessionId || quotedSession()).toUpperCase();
  turn.inbound(m, sessionId, officer.name);
  const tell = (key: MessageKey, vars: Record<string, string> = {}): void => {
    turn.send(
      { kind: 'text', to: officer.whatsapp, text: ctx.t(key, { sessionId, ...vars }) },
      { sessionId, phone: officer.whatsapp, sender: 'sistem', kind: 'notifikasi' },
    );
  };
  const refused = (error: string | undefined): void => {
    if (error === 'closed') tell('officerRelaySessionClosed', { closedBy: CLOSED_BY_LABELS.petugas });
    else tell('officerRelayUnknownSession');
  };

  if (handover) {
    if (!handover.group) {
      tell('officerHandoverUsage', { groups: groupList() });
      return true;
    }
    if (!sessionId) {
      tell('officerRelayNoSession');
      return true;
    }
    const res = handOver(ctx, sessionId, handover.group, officer.name, turn);
    if (res.ok && res.caseSent !== undefined)
      tell('officerCaseHandoverDone', { group: res.group ?? '', sent: res.caseSent });
    else if (res.ok) tell('officerHandoverDone', { group: res.group ?? '' });
    else if (res.error === 'group')
      tell('officerHandoverUnknownGroup', { group: handover.group, groups: groupList() });
    else if (res.error === 'same') tell('officerHandoverSameGroup', { group: res.group ?? '' });
    else if (res.error === 'closed') tell('officerHandoverEnded');
    else refused(res.error);
    return true;
  }

  const cmd = quick!;
  if (!cmd.code) {
    tell('quickReplyUsage');
    return true;
  }
  const list = loadQuickReplies(ctx);
  const reply = findQuickReply(list, cmd.code);
  if (!reply) {
    const shown = quickReplyList(list, officer.group);
    if (shown) tell('quickReplyUnknown', { code: cmd.code, list: shown });
    else tell('quickReplyNone');
    return true;
  }
  if (!sessionId) {
    tell('officerRelayNoSession');
    return true;
  }
  const open = openSession(ctx, sessionId);
  if (open.error || !open.state) {
    refused(open.error);
    return true;
  }
  const text = renderQuickReply(reply, quickReplyVars(open.state, officer.name));
  const res = replyUnlessClaimed(ctx, officer, sessionId, text, false, turn);
  if (res.held) return true;
  if (!res.ok) refused(res.error);
  else if (res.send && res.send.status === SEND_STATUS.failed)
    tell('officerRelayFailed', { reason: res.send.error });
  return true;
}
