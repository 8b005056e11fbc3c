/**
 * DESIGN §5: how the weekly report's figures read for people (Indonesian number style) and the
 * short summary at the top of the email — the numbers a head of office reads first.
 */
import { type MessageKey, type MessageOverrides, render } from '../messages/id';
import type { CaseFigures } from './cases';
import type { TrendRow, WeeklyReport } from './report';
import { formatDateLongId, formatTimeId, localDateKey, localMinuteOfDay, zoneLabel } from './time';

/** `12.345`, `2,83`: dot for thousands, comma for decimals, at most `decimals` decimals. */
export function idNumber(value: number, decimals = 2): string {
  const sign = value < 0 ? '-' : '';
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = fraction.replace(/0+$/, '');
  return sign + grouped + (trimmed ? `,${trimmed}` : '');
}

/** 0.857 → `86%`; 0.1484 → `14,8%` (one decimal below 100%). */
export function idPercent(fraction: number): string {
  return `${idNumber(fraction * 100, Math.abs(fraction) < 1 ? 1 : 0)}%`;
}

/** A change as a signed percentage: `+29%`, `-6%`, `0%`. */
export function idChange(change: number): string {
  const text = idNumber(Math.round(change * 100), 0);
  return change > 0 ? `+${text}%` : `${text}%`;
}

/** `23 November 2026 07.00 WIB`. */
export function dateTimeText(ms: number, offset: number): string {
  return `${formatDateLongId(localDateKey(ms, offset))} ${formatTimeId(localMinuteOfDay(ms, offset))} ${zoneLabel(offset)}`;
}

/** `16 November 2026 s.d. 22 November 2026`. */
export function weekRangeText(report: Pick<WeeklyReport, 'week'>, overrides?: MessageOverrides): string {
  return render(
    'reportRange',
    { from: formatDateLongId(report.week.start), to: formatDateLongId(report.week.end) },
    overrides,
  );
}

function trendText(row: TrendRow | undefined, overrides?: MessageOverrides): string {
  return row && row.change !== null ? idChange(row.change) : render('reportTrendUnknown', {}, overrides);
}

/** The lines of the email summary, each starting with a bullet. No personal data. */
export function summaryLines(report: WeeklyReport, overrides?: MessageOverrides): string[] {
  const t = (key: MessageKey, vars?: Record<string, string | number>): string => render(key, vars, overrides);
  const s = report.sessions;
  const bidangCount = (b: string): number => s.complaintsByBidang.find((c) => c.bidang === b)?.count ?? 0;
  const lines = [
    t('reportLineSessions', { total: s.total, consultations: s.consultations, complaints: s.complaints }),
    t('reportLineComplaints', {
      complaints: s.complaints,
      koperasi: bidangCount('Koperasi'),
      ukm: bidangCount('UKM'),
    }),
    t('reportLineOutOfHours', { count: s.outOfHours }),
    t('reportLineManual', { count: s.manual }),
  ];
  if (s.handedOver) lines.push(t('reportLineHandovers', { count: s.handedOver, total: s.handovers ?? 0 }));
  const w = report.waiting;
  lines.push(
    w.medianMin === null || w.p90Min === null
      ? t('reportLineWaitingNone')
      : t('reportLineWaiting', { median: idNumber(w.medianMin, 1), p90: idNumber(w.p90Min, 1) }),
  );
  const l = report.length;
  if (l.medianMin !== null && l.p90Min !== null) {
    lines.push(t('reportLineDuration', { median: idNumber(l.medianMin, 1), p90: idNumber(l.p90Min, 1) }));
  }
  const e = report.endings;
  lines.push(t('reportLineClosedBy', { user: e.user, officer: e.petugas, timeout: e.timeout }));
  const r = report.ratings;
  if (r.count > 0 && r.mean !== null) {
    lines.push(
      t('reportLineRatings', {
        count: r.count,
        sessions: r.asked,
        rate: r.responseRate === null ? '-' : idPercent(r.responseRate),
        mean: idNumber(r.mean, 2),
      }),
    );
  }
  lines.push(
    r.ikm !== null && r.band
      ? t('reportLineIkm', { value: idNumber(r.ikm, 2), grade: r.band.grade, label: r.band.label })
      : t('reportLineIkmNone'),
  );
  if (report.cases) {
    const k = report.cases;
    lines.push(
      t('reportLineCases', {
        opened: k.opened,
        resolved: k.resolved,
        rate: k.onTimePct === null ? '-' : `${idNumber(k.onTimePct, 1)} %`,
        median: k.medianDaysToResolve === null ? '-' : idNumber(k.medianDaysToResolve, 1),
        open: k.openAtEnd,
        overdue: k.overdueAtEnd,
      }),
    );
    const part = (m: CaseFigures['byBidang']): string =>
      Object.entries(m)
        .map(([name, f]) => `${name} ${f.opened}/${f.resolved}/${f.openAtEnd}/${f.overdueAtEnd}`)
        .join('; ') || '-';
    lines.push(t('reportLineCasesBy', { bidang: part(k.byBidang), category: part(k.byCategory) }));
    const kr = k.ratings;
    lines.push(
      kr.count > 0 && kr.mean !== null
        ? t('reportLineCaseRatings', {
            count: kr.count,
            mean: idNumber(kr.mean, 2),
            levels: kr.byLevel.map((n, i) => `${i + 1}: ${n}`).join(', '),
          })
        : t('reportLineCaseRatingsNone'),
    );
  }
  const c = report.content.total;
  lines.push(
    t('reportLineContent', {
      publications: report.content.publications.length,
      views: idNumber(c.views, 0),
      likes: idNumber(c.likes, 0),
      comments: idNumber(c.comments, 0),
      liveViewers: idNumber(c.liveViewers, 0),
      questions: idNumber(c.questions, 0),
    }),
  );
  lines.push(t('reportLineTasks', { late: report.tasks.late.length, notDone: report.tasks.notDone.length }));
  const row = (key: string): TrendRow | undefined => report.trend.rows.find((x) => x.key === key);
  lines.push(
    t('reportLineTrend', {
      sessions: trendText(row('sessions'), overrides),
      complaints: trendText(row('complaints'), overrides),
    }),
  );
  return lines.map((line) => `• ${line}`);
}
