// Consultations and complaints that came another way (phone, in person, Instagram DM, email),
// logged by an officer from the sidebar (DESIGN §4 "Recording"): a finished `Sesi` row with an id
// from the bot's own counter, so the weekly report counts it (§5).

import { formMoment, formText, validateManual } from '../../api/forms';
import type { ManualLogInput, RecordResult } from '../../api/types';
import { isWithinServiceHours } from '../../domain/hours';
import { isLikelyPhone, normalizePhone } from '../../domain/phone';
import { formatSessionId, sessionPeriod } from '../../domain/session';
import { SESSION_STATUS } from '../../domain/types';
import { withScriptLock } from '../../platform/lock';
import type { Ctx } from '../context';
import { serviceHours } from '../helpdesk/hours';
import { nextSessionSeq } from '../helpdesk/state';
import { currentOfficer } from './session';

/** `manual.log`: a `Sesi` row with a new id from the bot's own counter, already finished. */
export function logManual(ctx: Ctx, input: ManualLogInput): RecordResult {
  const errors = validateManual(input, ctx.now, ctx.offset);
  if (errors.length > 0) return { ok: false, errors };
  const at = formMoment(input.at, ctx.now, ctx.offset);
  const contact = formText(input.contact);
  const officer = currentOfficer(ctx);
  const outOfHours = !isWithinServiceHours(at, serviceHours(ctx));
  return withScriptLock(() => {
    const id = formatSessionId(nextSessionSeq(ctx, sessionPeriod(ctx.now, ctx.offset)), ctx.now, ctx.offset);
    const row = ctx.db.append('sessions', [
      {
        id,
        channel: input.channel,
        phone: isLikelyPhone(contact) ? normalizePhone(contact) : contact,
        name: formText(input.name),
        jenis: input.jenis,
        bidang: input.bidang,
        topic: input.topic,
        status: SESSION_STATUS.ended,
        startedAt: new Date(at),
        endedAt: new Date(at),
        officer,
        note: formText(input.summary),
        outOfHours,
      },
    ]);
    return { ok: true, errors: [], id, row };
  });
}
