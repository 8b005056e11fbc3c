// Aksi: the spreadsheet's capacity, the weekly report now (of a chosen week), planning content,
// the settings dialog, setting up the spreadsheet, and a citizen's data (privacy.ts).

import type { TriggerOwnerView } from '../../../api/types';
import { render } from '../../../messages/id';
import { call } from '../../client/bridge';
import { byId, clear, h } from '../../client/dom';
import { loadCapacity } from './capacity';
import { initPrivacy } from './privacy';
import { busyButton, errorText, setStatus } from './util';

let weeksLoaded = false;

/** Whose `tick` trigger runs the service (only that account's setup installs it). */
export function drawTriggerOwner(v: TriggerOwnerView): void {
  const key = !v.owner ? 'sidebarTriggerNone' : v.mine ? 'sidebarTriggerMine' : 'sidebarTriggerOwner';
  byId('trigger-owner').textContent = render(key, { owner: v.owner });
}

async function loadTriggerOwner(): Promise<void> {
  try {
    drawTriggerOwner(await call('admin.trigger', {}));
  } catch {
    // the line stays empty; setup reports it again
  }
}

async function loadWeeks(): Promise<void> {
  try {
    const view = await call('report.weeks', {});
    const select = byId<HTMLSelectElement>('action-report-week');
    clear(select);
    for (const w of view.weeks.filter((x) => x.complete)) {
      const label = `${w.week} (${w.range})${w.reported ? ' · sudah ada laporan' : ''}`;
      select.appendChild(h('option', { value: w.week, text: label }));
    }
    if (view.previous) select.value = view.previous;
  } catch {
    // the server picks last week when no week is chosen
  }
}

/** Shows the capacity each time the tab is shown; loads the weeks the first time. */
export function showActions(): void {
  void loadCapacity();
  void loadTriggerOwner();
  if (weeksLoaded) return;
  weeksLoaded = true;
  void loadWeeks();
}

export function initActions(): void {
  initPrivacy();
  const status = byId('actions-status');
  const report = byId<HTMLButtonElement>('action-report');
  report.addEventListener('click', () => {
    const week = byId<HTMLSelectElement>('action-report-week').value;
    setStatus(status, 'Membuat laporan mingguan… (dapat memakan waktu sekitar satu menit)');
    busyButton(report, () => call('report.run', week ? { week } : {}))
      .then((res) => {
        setStatus(status, res.message, res.problems.length > 0 ? 'bad' : 'ok');
        for (const p of res.problems) status.appendChild(h('span', { class: 'block', text: p }));
        weeksLoaded = false;
      })
      .catch((err) => setStatus(status, errorText(err), 'bad'));
  });
  const plan = byId<HTMLButtonElement>('action-plan');
  plan.addEventListener('click', () => {
    setStatus(status, 'Merencanakan konten…');
    busyButton(plan, () => call('content.plan', {}))
      .then((res) => setStatus(status, res.message, res.noTopic > 0 ? 'bad' : 'ok'))
      .catch((err) => setStatus(status, errorText(err), 'bad'));
  });
  const archive = byId<HTMLButtonElement>('action-archive');
  archive.addEventListener('click', () => {
    setStatus(status, 'Mengarsipkan data lama…');
    busyButton(archive, () => call('admin.archiveNow', {}))
      .then((res) => {
        setStatus(status, res.message, 'ok');
        return loadCapacity();
      })
      .catch((err) => setStatus(status, errorText(err), 'bad'));
  });
  const settings = byId<HTMLButtonElement>('action-settings');
  settings.addEventListener('click', () => {
    setStatus(status, 'Membuka pengaturan…');
    busyButton(settings, () => call('admin.openSettings', {}))
      .then(() => setStatus(status, ''))
      .catch((err) => setStatus(status, errorText(err), 'bad'));
  });
  const setup = byId<HTMLButtonElement>('action-setup');
  setup.addEventListener('click', () => {
    setStatus(status, 'Menyiapkan spreadsheet…');
    busyButton(setup, () => call('admin.setup', {}))
      .then((res) => {
        setStatus(status, res.message, res.trigger.mine || !res.trigger.owner ? 'ok' : 'bad');
        drawTriggerOwner(res.trigger);
      })
      .catch((err) => setStatus(status, errorText(err), 'bad'));
  });
}
