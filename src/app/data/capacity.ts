// The 10-million-cell limit: how much of it the spreadsheet uses (every sheet's grid, filled or
// not), measured off the hot path — a scheduled job and on demand from the sidebar — and told to
// the reporting team and `Log Sistem` once each time 70 % or 85 % is crossed.

import type { CapacityView, QuotaMeter } from '../../api/types';
import type { CapacityLevel } from '../../domain/retention';
import {
  capacityLevel,
  capacityPercent,
  capacityTransition,
  CELL_LIMIT,
  gridCells,
  isCapacityLevel,
} from '../../domain/retention';
import { storeBytes } from '../../domain/text';
import { toIsoLocal } from '../../domain/time';
import type { MessageKey } from '../../messages/id';
import { activeOfficers, setting } from '../config';
import type { Ctx } from '../context';
import { sendByPriority } from '../quota/mail';
import type { Job } from '../scheduler/job';

const HOUR = 3600000;
/** Script Property: the last measurement and the level the team was told about. */
export const CAPACITY_KEY = 'kapasitas';
export const CAPACITY_JOB = 'kapasitas';
/** A measurement younger than this answers the sidebar without measuring again. */
const FRESH_MS = HOUR;

interface StoredCapacity {
  cells: number;
  at: number;
  /** The level the team was last told about (or fell back to): warnings are sent on a rise. */
  level: CapacityLevel;
}

/** Cells of every sheet's grid: one call for the sheets, two per sheet (metadata only). */
export function measureCells(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  return gridCells(ss.getSheets().map((s) => ({ rows: s.getMaxRows(), columns: s.getMaxColumns() })));
}

function stored(ctx: Ctx): StoredCapacity | null {
  const s = ctx.props.getJson<StoredCapacity>(CAPACITY_KEY);
  return s && typeof s.cells === 'number' && isCapacityLevel(s.level) ? s : null;
}

function view(ctx: Ctx, cells: number, at: number): CapacityView {
  const percent = capacityPercent(cells);
  return {
    cells,
    limit: CELL_LIMIT,
    percent,
    level: capacityLevel(percent),
    measuredAt: toIsoLocal(at, ctx.offset),
    quotas: quotaMeters(ctx),
    account: ctx.t(ctx.quota.accountType() === 'workspace' ? 'accountWorkspace' : 'accountConsumer'),
  };
}

/** The store's budget: the product keeps Script Properties under 50 KB (Google allows 500 KB). */
export const PROPERTIES_BUDGET = 50 * 1024;

/** Each daily quota's use (platform/quota.ts) and the Script Properties store's size. */
export function quotaMeters(ctx: Ctx): QuotaMeter[] {
  const meter = (
    kind: QuotaMeter['kind'],
    used: number,
    limit: number,
    renews: number | null,
  ): QuotaMeter => {
    const percent = limit > 0 ? Math.round((used / limit) * 1000) / 10 : 0;
    return {
      kind,
      used,
      limit,
      percent,
      level: capacityLevel(percent),
      renewsAt: renews ? toIsoLocal(renews, ctx.offset) : '',
    };
  };
  const q = ctx.quota;
  const mail = q.state('mail');
  const fetch = q.state('urlFetch');
  const trigger = q.state('trigger');
  const bytes = storeBytes(ctx.props.all());
  return [
    meter('mail', mail.limit - q.mailRemaining(), mail.limit, mail.resetsAt),
    meter('urlFetch', fetch.used, fetch.limit, fetch.resetsAt),
    meter('trigger', Math.round(trigger.used / 60000), Math.round(trigger.limit / 60000), trigger.resetsAt),
    meter('properties', Math.round(bytes / 102.4) / 10, PROPERTIES_BUDGET / 1024, null),
  ];
}

/**
 * Measures, remembers, and tells the team when a threshold was crossed upwards since the last
 * time they were told. The caller holds the script lock.
 */
export function checkCapacity(ctx: Ctx): CapacityView {
  const cells = measureCells(ctx.ss);
  const previous = stored(ctx)?.level ?? 'ok';
  const percent = capacityPercent(cells);
  const { level, notify } = capacityTransition(previous, percent);
  ctx.props.setJson(CAPACITY_KEY, { cells, at: ctx.now, level } satisfies StoredCapacity);
  if (notify) warnTeam(ctx, cells, percent, level);
  return view(ctx, cells, ctx.now);
}

/** For the sidebar: the last measurement when recent, else a new one (which may warn). */
export function capacityNow(ctx: Ctx, withLock: <T>(fn: () => T) => T): CapacityView {
  const s = stored(ctx);
  if (s && ctx.now - s.at < FRESH_MS) return view(ctx, s.cells, s.at);
  // A new measurement (under the lock): the quotas as they are then.
  return withLock(() => checkCapacity(ctx));
}

const LEVEL_LABEL: Record<CapacityLevel, MessageKey> = {
  ok: 'capacityLevelOk',
  warning: 'capacityLevelWarning',
  critical: 'capacityLevelCritical',
};

export function capacityLabel(ctx: Ctx, level: CapacityLevel): string {
  return ctx.t(LEVEL_LABEL[level]);
}

/** The reporting team: active `Pelaporan` officers and the extra addresses in Pengaturan. */
export function reportingTeamEmails(ctx: Ctx): string[] {
  const extra = setting(ctx.config, 'reportEmails')
    .split(/[,;\s]+/)
    .map((e) => e.trim())
    .filter((e) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e));
  const officers = activeOfficers(ctx.config, 'Pelaporan')
    .map((o) => o.email.trim())
    .filter((e) => e !== '');
  const seen = new Set<string>();
  return [...officers, ...extra].filter((e) => {
    const k = e.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function warnTeam(ctx: Ctx, cells: number, percent: number, level: CapacityLevel): void {
  const vars = {
    rate: `${String(percent).replace('.', ',')}%`,
    total: cells.toLocaleString('id-ID'),
    max: CELL_LIMIT.toLocaleString('id-ID'),
    label: capacityLabel(ctx, level),
    spreadsheetUrl: ctx.ss.getUrl(),
  };
  ctx.log(level === 'critical' ? 'GALAT' : 'PERINGATAN', 'kapasitas', ctx.t('capacityLog', vars));
  const to = reportingTeamEmails(ctx);
  if (to.length === 0) {
    ctx.log('PERINGATAN', 'kapasitas', ctx.t('capacityNoRecipients'));
    return;
  }
  const sent = sendByPriority(
    ctx,
    { to, subject: ctx.t('capacityEmailSubject', vars), body: ctx.t('capacityEmailBody', vars) },
    'alert',
  );
  if (!sent.ok) ctx.log('GALAT', 'kapasitas', ctx.t('capacityMailFailed', { reason: sent.error.message }));
}

/** Measures every six hours: growth is slow (rows are added 500 at a time), warnings are rare. */
export const capacityJob: Job = {
  name: CAPACITY_JOB,
  intervalMs: 6 * HOUR,
  run(ctx) {
    const v = checkCapacity(ctx);
    return { summary: `${v.cells} sel (${v.percent}%)` };
  },
};
