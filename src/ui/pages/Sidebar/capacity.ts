// How full the spreadsheet is against Google Sheets' 10-million-cell limit (Aksi): a meter with the
// percentage in words, and at 70 % and 85 % what to do about it (archive old data).

import type { CapacityView, QuotaMeter } from '../../../api/types';
import type { MessageKey } from '../../../messages/id';
import { render } from '../../../messages/id';
import { call } from '../../client/bridge';
import { byId } from '../../client/dom';
import { errorText, longTime } from './util';

const ADVICE: Record<CapacityView['level'], MessageKey> = {
  ok: 'sidebarCapacityOk',
  warning: 'sidebarCapacityWarning',
  critical: 'sidebarCapacityCritical',
};

const LEVEL: Record<CapacityView['level'], MessageKey> = {
  ok: 'capacityLevelOk',
  warning: 'capacityLevelWarning',
  critical: 'capacityLevelCritical',
};

/** `12,5 %`. */
export function percentText(percent: number): string {
  return `${String(percent).replace('.', ',')} %`;
}

/** `10 juta` for whole millions, else the number with Indonesian separators. */
export function limitText(limit: number): string {
  return limit >= 1_000_000 && limit % 1_000_000 === 0
    ? `${limit / 1_000_000} juta`
    : limit.toLocaleString('id-ID');
}

export function drawCapacity(v: CapacityView): void {
  const rate = percentText(v.percent);
  byId('capacity-label').textContent = render('sidebarCapacityMeter', { rate, max: limitText(v.limit) });
  const width = Math.max(0, Math.min(100, v.percent));
  const meter = byId('capacity-meter');
  meter.setAttribute('aria-valuenow', String(width));
  meter.setAttribute('aria-valuetext', `${rate}, ${render(LEVEL[v.level])}`);
  byId('capacity-fill').style.width = `${width}%`;
  byId('capacity').dataset.level = v.level;
  byId('capacity-detail').textContent = render('sidebarCapacityCells', {
    total: v.cells.toLocaleString('id-ID'),
    time: longTime(v.measuredAt),
  });
  byId('capacity-advice').textContent = render(ADVICE[v.level]);
  drawQuotas(v);
}

const QUOTA_TEXT: Record<QuotaMeter['kind'], MessageKey> = {
  mail: 'sidebarQuotaMail',
  urlFetch: 'sidebarQuotaUrlFetch',
  trigger: 'sidebarQuotaTrigger',
  properties: 'sidebarQuotaProperties',
};

/** The account's daily quotas and the Script Properties store: a small meter each, in words. */
export function drawQuotas(v: CapacityView): void {
  byId('quota-title').textContent = render('sidebarQuotaTitle', { account: v.account });
  const list = byId('quota-list');
  list.replaceChildren(
    ...(v.quotas ?? []).map((q) => {
      const li = document.createElement('li');
      li.dataset.kind = q.kind;
      li.dataset.level = q.level;
      const label = document.createElement('span');
      label.id = `quota-${q.kind}`;
      const used =
        q.kind === 'properties' ? String(q.used).replace('.', ',') : q.used.toLocaleString('id-ID');
      label.textContent = render(QUOTA_TEXT[q.kind], { used, max: q.limit.toLocaleString('id-ID') });
      const meter = document.createElement('div');
      meter.className = 'meter';
      meter.setAttribute('role', 'meter');
      meter.setAttribute('aria-labelledby', label.id);
      meter.setAttribute('aria-valuemin', '0');
      meter.setAttribute('aria-valuemax', '100');
      const width = Math.max(0, Math.min(100, q.percent));
      meter.setAttribute('aria-valuenow', String(width));
      meter.setAttribute('aria-valuetext', `${percentText(q.percent)}, ${render(LEVEL[q.level])}`);
      const fill = document.createElement('span');
      fill.style.width = `${width}%`;
      meter.append(fill);
      const when = document.createElement('span');
      when.className = 'capacity-detail block';
      if (q.kind !== 'properties') {
        when.textContent = q.renewsAt
          ? render('sidebarQuotaRenews', { time: longTime(q.renewsAt) })
          : render('sidebarQuotaFresh');
      }
      li.append(label, meter, when);
      return li;
    }),
  );
}

/** Asks the server (a measurement of the last hour, or a new one) and shows it. */
export async function loadCapacity(): Promise<void> {
  try {
    drawCapacity(await call('capacity.get', {}));
  } catch (err) {
    byId('capacity').dataset.level = '';
    byId('capacity-advice').textContent = render('sidebarCapacityFailed', { reason: errorText(err) });
  }
}
