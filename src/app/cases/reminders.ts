// Deadlines are kept (issue 14): each working morning at `Jam Pengingat Kasus` every group with
// open cases due within one working day or overdue gets ONE email listing them (and a WhatsApp
// message when `Notifikasi Petugas` includes whatsapp); a case overdue by its whole settlement
// time again is escalated once to `Pelaporan` (recorded in `Sesi.Kasus Dieskalasi` and a
// `Tindak Lanjut` row, never in a per-case Script Property). Never twice the same day.

import type { CaseCategory } from '../../domain/cases';
import { needsEscalation, workingDaysLeft } from '../../domain/cases';
import { nextReminderAt } from '../../domain/content';
import type { GroupName } from '../../domain/types';
import { isGroupName } from '../../domain/types';
import { sendMail } from '../../platform/mail';
import { activeOfficers, setting, settingNumber } from '../config';
import type { Ctx } from '../context';
import { serviceHours } from '../helpdesk/hours';
import { Turn } from '../messaging/turn';
import type { Job } from '../scheduler/job';
import { caseCalendar, caseDays, deadlineText, todayYmd } from './calendar';
import { openCases } from './sidebar';
import type { CaseRow } from './store';

export const CASE_REMINDER_JOB = 'pengingat-kasus';
export const CASE_REMINDER_LAST_KEY = 'case:reminder:lastDay';
/** The per-case marks of earlier versions: read once, then moved to `Sesi` and removed. */
const legacyEscalatedKey = (id: string): string => `case:esc:${id}`;

function reminderHourOf(ctx: Ctx): number {
  const h = settingNumber(ctx.config, 'caseReminderHour', 7);
  return h >= 0 && h < 24 ? h : 7;
}

export interface CaseReminderRun {
  groups: { group: string; due: number; overdue: number; emailed: number; whatsapp: number }[];
  escalated: string[];
}

function leftText(ctx: Ctx, left: number): string {
  if (left > 0) return ctx.t('caseLeftDays', { count: left });
  if (left === 0) return ctx.t('caseLeftToday');
  return ctx.t('caseLeftOverdue', { count: -left });
}

/** Sends today's case reminders and escalations. Caller holds the script lock. */
export function sendCaseReminders(ctx: Ctx): CaseReminderRun {
  const run: CaseReminderRun = { groups: [], escalated: [] };
  const cal = caseCalendar(ctx);
  const today = todayYmd(ctx);
  const byGroup = new Map<GroupName, { c: CaseRow; left: number }[]>();
  const escalate: { c: CaseRow; left: number }[] = [];
  const sessions = ctx.db.tableIfExists('sessions');
  const canMark = !!sessions?.col('caseEscalatedAt');
  if (!canMark) ctx.log('PERINGATAN', 'kasus', 'Kolom Sesi "Kasus Dieskalasi" tidak ada: jalankan Siapkan.');
  for (const c of openCases(ctx)) {
    if (!c.deadline || !isGroupName(c.group)) continue;
    const left = workingDaysLeft(today, c.deadline, cal);
    if (left > 1) continue;
    const list = byGroup.get(c.group) ?? [];
    list.push({ c, left });
    byGroup.set(c.group, list);
    if (!canMark || c.escalatedAt > 0) continue;
    if (ctx.props.get(legacyEscalatedKey(c.id))) {
      ctx.db.update('sessions', c.row, { caseEscalatedAt: new Date(ctx.now) });
      ctx.props.remove(legacyEscalatedKey(c.id));
      continue;
    }
    if (needsEscalation(left, caseDays(ctx, c.category as CaseCategory))) escalate.push({ c, left });
  }
  const date = deadlineText(today);
  const whatsapp = setting(ctx.config, 'officerNotify').toLowerCase().includes('whatsapp');
  const turn = new Turn(ctx);
  for (const [group, items] of byGroup) {
    items.sort((a, b) => a.left - b.left);
    const lines = items
      .map(({ c, left }) =>
        ctx.t('caseReminderLine', {
          sessionId: c.id,
          bidang: c.bidang,
          category: c.category,
          deadline: deadlineText(c.deadline),
          left: leftText(ctx, left),
        }),
      )
      .join('\n');
    const overdue = items.filter((i) => i.left < 0).length;
    const due = items.length - overdue;
    const officers = activeOfficers(ctx.config, group);
    const to = [...new Set(officers.map((o) => o.email).filter((e) => e !== ''))];
    let emailed = 0;
    if (to.length > 0) {
      const sent = sendMail({
        to,
        subject: ctx.t('caseReminderSubject', { group, due, overdue }),
        body: ctx.t('caseReminderBody', { group, date, lines }),
      });
      if (sent.ok) emailed = to.length;
      else ctx.log('GALAT', 'kasus', `Pengingat kasus ${group} gagal dikirim: ${sent.error.text}`);
    }
    let wa = 0;
    if (whatsapp) {
      for (const o of officers.filter((x) => x.whatsapp)) {
        turn.send(
          { kind: 'text', to: o.whatsapp, text: ctx.t('caseReminderWa', { group, due, overdue, lines }) },
          { sessionId: '', phone: o.whatsapp, sender: 'sistem', kind: 'notifikasi' },
        );
        wa++;
      }
    }
    if (emailed === 0 && wa === 0)
      ctx.log('PERINGATAN', 'kasus', `Pengingat kasus ${group}: tidak ada penerima.`);
    run.groups.push({ group, due, overdue, emailed, whatsapp: wa });
  }
  const reporting = [
    ...new Set(
      [
        ...activeOfficers(ctx.config, 'Pelaporan').map((o) => o.email),
        ...setting(ctx.config, 'reportEmails').split(','),
      ]
        .map((e) => e.trim())
        .filter((e) => e !== ''),
    ),
  ];
  for (const { c, left } of escalate) {
    const vars = {
      sessionId: c.id,
      group: c.group,
      category: c.category,
      deadline: deadlineText(c.deadline),
      count: -left,
      status: c.status,
    };
    if (reporting.length > 0) {
      const sent = sendMail({
        to: reporting,
        subject: ctx.t('caseEscalationSubject', vars),
        body: ctx.t('caseEscalationBody', vars),
      });
      if (!sent.ok) {
        ctx.log('GALAT', 'kasus', `Eskalasi kasus ${c.id} gagal dikirim: ${sent.error.text}`);
        continue;
      }
    } else ctx.log('PERINGATAN', 'kasus', `Eskalasi kasus ${c.id}: grup Pelaporan tanpa email.`);
    ctx.db.update('sessions', c.row, { caseEscalatedAt: new Date(ctx.now) });
    ctx.db.append('followUps', [
      {
        at: new Date(ctx.now),
        sessionId: c.id,
        officer: 'sistem',
        status: c.status,
        note: `Dieskalasi ke Pelaporan (terlambat ${-left} hari kerja)`,
        sentToCitizen: ctx.t('caseSentNo'),
      },
    ]);
    run.escalated.push(c.id);
  }
  turn.commit();
  return run;
}

/** The tick job: due at the reminder hour of each working day; an early tick touches no sheet. */
export const caseReminderJob: Job = {
  name: CASE_REMINDER_JOB,
  intervalMs: 3_600_000,
  run(ctx) {
    const hours = serviceHours(ctx);
    const hour = reminderHourOf(ctx);
    const last = ctx.props.get(CASE_REMINDER_LAST_KEY) ?? '';
    const due = nextReminderAt(ctx.now, hour, hours, last);
    if (due > ctx.now) return { summary: 'pengingat kasus belum waktunya', nextAt: due };
    const today = todayYmd(ctx);
    const run = sendCaseReminders(ctx);
    ctx.props.set(CASE_REMINDER_LAST_KEY, today);
    ctx.flushLogs();
    return {
      summary: `pengingat kasus: ${run.groups.map((g) => `${g.group} ${g.due}+${g.overdue}`).join(', ') || '-'}; eskalasi ${run.escalated.length}`,
      nextAt: nextReminderAt(ctx.now, hour, hours, today),
    };
  },
};
