// Siaran (DESIGN §3.8): a topic from Bank Topik sent to every active subscriber, throttled and
// resumable on the server. The officer checks the recipients first, then starts; progress is
// polled every 10 s while this tab is shown, and a running broadcast can be stopped.

import { MAX_BROADCAST_BODY } from '../../../api/forms';
import type {
  BroadcastStartInput,
  BroadcastStatusView,
  BroadcastSummary,
  BroadcastTopicItem,
} from '../../../api/types';
import { render } from '../../../messages/id';
import { call } from '../../client/bridge';
import { byId, clear, h } from '../../client/dom';
import { currentPanel } from './tabs';
import {
  busyButton,
  clearFieldErrors,
  errorText,
  longTime,
  poll,
  setStatus,
  showFieldErrors,
  value,
} from './util';

const REFRESH_MS = 10000;

let topics: BroadcastTopicItem[] = [];
let loaded = false;
let refreshNow: () => Promise<void> = async () => undefined;
/** The request the confirmation is about (what the preview counted). */
let pending: BroadcastStartInput | null = null;

function summaryCard(s: BroadcastSummary, extra?: { resumeAt: string; lastError: string }): HTMLElement {
  const done = s.sent + s.failed + s.skipped + s.uncertain;
  const bar = h('div', {
    class: 'progress',
    role: 'progressbar',
    'aria-valuemin': 0,
    'aria-valuemax': 100,
    'aria-valuenow': s.percent,
    'aria-label': `Kemajuan siaran ${s.topic}`,
  });
  bar.appendChild(h('span', { style: `width:${Math.max(0, Math.min(100, s.percent))}%` }));
  const counts = [
    `terkirim ${s.sent}`,
    s.templated ? `${s.templated} lewat template` : '',
    s.failed ? `gagal ${s.failed}` : '',
    s.skipped ? `dilewati ${s.skipped}` : '',
    s.uncertain ? `tidak pasti ${s.uncertain}` : '',
    s.remaining ? `sisa ${s.remaining}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return h(
    'div',
    { class: 'task' },
    h('div', { class: 'name', text: s.topic }),
    h('div', { class: 'meta', text: `${s.statusLabel} · ${done} dari ${s.total} (${s.percent}%)` }),
    bar,
    h('div', { class: 'meta', text: counts }),
    h('div', {
      class: 'meta',
      text: `Dimulai ${longTime(s.startedAt)}${s.startedBy ? ` oleh ${s.startedBy}` : ''}${
        s.finishedAt ? ` · selesai ${longTime(s.finishedAt)}` : ''
      }`,
    }),
    extra && extra.resumeAt
      ? h('div', { class: 'meta', text: `Dilanjutkan ${longTime(extra.resumeAt)}` })
      : null,
    extra && extra.lastError ? h('div', { class: 'fail', text: extra.lastError }) : null,
  );
}

function drawStatus(v: BroadcastStatusView): void {
  const now = byId('broadcast-now');
  clear(now);
  now.appendChild(
    h('p', { class: 'hint', text: `Kuota hari ini: ${v.sentToday} dari ${v.dailyLimit} pesan terpakai.` }),
  );
  if (v.current) {
    now.appendChild(summaryCard(v.current, v.current));
    if (v.active) {
      const stop = h('button', {
        type: 'button',
        class: 'danger',
        id: 'broadcast-cancel',
        text: 'Hentikan siaran',
      });
      stop.addEventListener('click', () => {
        byId('broadcast-cancel-confirm').hidden = false;
        byId('broadcast-cancel-yes').focus();
      });
      now.appendChild(h('div', { class: 'actions' }, stop));
    }
  } else {
    now.appendChild(h('p', { class: 'empty', text: 'Belum ada siaran.' }));
  }
  if (!v.active) byId('broadcast-cancel-confirm').hidden = true;
  byId<HTMLButtonElement>('broadcast-check').disabled = v.active;
  const history = byId('broadcast-history');
  clear(history);
  if (v.history.length === 0) history.appendChild(h('li', { class: 'empty', text: 'Belum ada.' }));
  for (const s of v.history) history.appendChild(h('li', {}, summaryCard(s)));
}

async function loadStatus(): Promise<void> {
  try {
    drawStatus(await call('broadcast.status', {}));
  } catch (err) {
    setStatus(byId('broadcast-status'), `Status siaran gagal dimuat: ${errorText(err)}`, 'bad');
    throw err;
  }
}

async function loadTopics(): Promise<void> {
  try {
    topics = await call('broadcast.topics', {});
    const list = byId('broadcast-topics');
    clear(list);
    for (const t of topics) {
      const used = t.lastBroadcast ? ` · disiarkan ${longTime(t.lastBroadcast)}` : '';
      list.appendChild(h('option', { value: t.topic, label: `${t.theme}${used}` }));
    }
  } catch {
    // topics can be typed
  }
}

function countChars(): void {
  const n = value('broadcast-body-text').length;
  byId('broadcast-count').textContent = `${n} dari ${MAX_BROADCAST_BODY} karakter.`;
}

function requestFromForm(): BroadcastStartInput | null {
  const form = byId<HTMLFormElement>('broadcast-form');
  clearFieldErrors(form);
  const topic = value('broadcast-topic').trim();
  const body = value('broadcast-body-text').trim();
  const errors = [];
  if (!topic) errors.push({ field: 'topic', message: render('fieldRequired', { key: 'Topik' }) });
  if (!body) errors.push({ field: 'body-text', message: render('fieldRequired', { key: 'Isi pesan' }) });
  else if (body.length > MAX_BROADCAST_BODY) {
    errors.push({
      field: 'body-text',
      message: render('fieldTooLong', { key: 'Isi pesan', max: MAX_BROADCAST_BODY }),
    });
  }
  if (errors.length > 0) {
    showFieldErrors('broadcast', errors);
    return null;
  }
  return { topic, body, again: byId<HTMLInputElement>('broadcast-again').checked };
}

async function check(): Promise<void> {
  const status = byId('broadcast-status');
  byId('broadcast-confirm').hidden = true;
  const req = requestFromForm();
  if (!req) return;
  setStatus(status, 'Menghitung penerima…');
  try {
    const res = await busyButton(byId<HTMLButtonElement>('broadcast-check'), () =>
      call('broadcast.start', { ...req, preview: true }),
    );
    if (!res.ok) {
      setStatus(status, res.error, 'bad');
      return;
    }
    setStatus(status, '');
    pending = req;
    const outside = res.outsideWindow
      ? ` ${res.outsideWindow} di antaranya di luar jendela 24 jam${
          res.templateName ? ` (dikirim dengan template ${res.templateName})` : ''
        }.`
      : '';
    byId('broadcast-confirm-text').textContent =
      `Kirim "${req.topic}" ke ${res.recipients} pelanggan aktif?${outside}`;
    const warnings = byId('broadcast-warnings');
    clear(warnings);
    for (const w of res.warnings) warnings.appendChild(h('li', { text: w }));
    byId('broadcast-confirm').hidden = false;
    byId('broadcast-start').focus();
  } catch (err) {
    setStatus(status, errorText(err), 'bad');
  }
}

async function start(): Promise<void> {
  const status = byId('broadcast-status');
  if (!pending) return;
  const req = pending;
  pending = null;
  byId('broadcast-confirm').hidden = true;
  setStatus(status, 'Memulai siaran…');
  try {
    const res = await busyButton(byId<HTMLButtonElement>('broadcast-start'), () =>
      call('broadcast.start', req),
    );
    if (!res.ok) {
      setStatus(status, res.error, 'bad');
      return;
    }
    drawStatus(res.status);
    setStatus(status, `Siaran dimulai ke ${res.recipients} pelanggan. Pengiriman berjalan bertahap.`, 'ok');
    byId<HTMLInputElement>('broadcast-again').checked = false;
  } catch (err) {
    setStatus(status, errorText(err), 'bad');
  }
}

async function cancel(): Promise<void> {
  const status = byId('broadcast-status');
  byId('broadcast-cancel-confirm').hidden = true;
  try {
    drawStatus(await call('broadcast.cancel', {}));
    setStatus(status, 'Siaran dihentikan.', 'ok');
  } catch (err) {
    setStatus(status, errorText(err), 'bad');
  }
}

/** Loads topics and status the first time the tab is shown; refreshes the status each time. */
export function showBroadcast(): void {
  if (!loaded) {
    loaded = true;
    void loadTopics();
  }
  void refreshNow();
}

export function initBroadcast(): void {
  refreshNow = poll(REFRESH_MS, () => currentPanel() === 'broadcast', loadStatus);
  countChars();
  byId('broadcast-body-text').addEventListener('input', countChars);
  byId('broadcast-topic').addEventListener('change', () => {
    const t = topics.find((x) => x.topic === value('broadcast-topic').trim());
    const body = byId<HTMLTextAreaElement>('broadcast-body-text');
    if (t && t.description && !body.value.trim()) {
      body.value = t.description;
      countChars();
    }
  });
  // A change after the recipients were counted needs a new check.
  byId('broadcast-form').addEventListener('input', () => {
    pending = null;
    byId('broadcast-confirm').hidden = true;
  });
  byId<HTMLFormElement>('broadcast-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void check();
  });
  byId('broadcast-start').addEventListener('click', () => void start());
  byId('broadcast-start-no').addEventListener('click', () => {
    pending = null;
    byId('broadcast-confirm').hidden = true;
    byId('broadcast-check').focus();
  });
  byId('broadcast-cancel-yes').addEventListener('click', () => void cancel());
  byId('broadcast-cancel-no').addEventListener('click', () => {
    byId('broadcast-cancel-confirm').hidden = true;
  });
}
