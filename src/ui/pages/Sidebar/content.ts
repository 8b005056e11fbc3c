// Konten (SOP 001): metrics of a post or live, Q&A, evaluation notes, and open tasks to mark done.

import {
  METRIC_FIELDS,
  parseCount,
  validateEvaluation,
  validateMetrics,
  validateQa,
} from '../../../api/forms';
import type {
  EvaluationInput,
  FieldError,
  MetricsInput,
  QaInput,
  RecordResult,
  TaskItem,
} from '../../../api/types';
import { render } from '../../../messages/id';
import { call } from '../../client/bridge';
import { byId, clear, h } from '../../client/dom';
import { fillPublications, initSpeakers } from './speakers';
import {
  busyButton,
  clearFieldErrors,
  errorText,
  longTime,
  offset,
  onZoneChange,
  serverNow,
  setStatus,
  showFieldErrors,
  todayLocal,
  value,
  whenClockKnown,
} from './util';

let loaded = false;

async function submit(
  prefix: string,
  check: () => FieldError[],
  send: () => Promise<RecordResult>,
  done: string,
  after: () => void,
): Promise<void> {
  const form = byId<HTMLFormElement>(`${prefix}-form`);
  const status = byId(`${prefix}-status`);
  clearFieldErrors(form);
  const errors = check();
  if (errors.length > 0) {
    showFieldErrors(prefix, errors);
    setStatus(status, 'Periksa isian yang ditandai.', 'bad');
    return;
  }
  setStatus(status, 'Menyimpan…');
  try {
    const res = await busyButton(byId<HTMLButtonElement>(`${prefix}-save`), send);
    if (!res.ok) {
      showFieldErrors(prefix, res.errors);
      setStatus(status, 'Periksa isian yang ditandai.', 'bad');
      return;
    }
    after();
    setStatus(status, done, 'ok');
  } catch (err) {
    setStatus(status, `Gagal menyimpan: ${errorText(err)}`, 'bad');
  }
}

// ---- Metrics ----

function metricsInput(): { req: MetricsInput; bad: FieldError[] } {
  const bad: FieldError[] = [];
  const req: MetricsInput = {
    date: value('metrics-date'),
    platform: value('metrics-platform'),
    contentId: value('metrics-contentId').trim(),
    views: null,
    likes: null,
    comments: null,
    shares: null,
    saves: null,
    liveViewers: null,
    questions: null,
  };
  for (const f of METRIC_FIELDS) {
    const n = parseCount(value(`metrics-${f}`));
    if (n !== null && isNaN(n)) {
      const label = document.querySelector(`label[for="metrics-${f}"]`)?.textContent ?? f;
      bad.push({ field: f, message: render('fieldCount', { key: label }) });
    } else req[f] = n;
  }
  return { req, bad };
}

function showRate(): void {
  const { req } = metricsInput();
  const el = byId('metrics-rate');
  if (!req.views) {
    el.textContent = '';
    return;
  }
  const engaged = (req.likes ?? 0) + (req.comments ?? 0) + (req.saves ?? 0) + (req.shares ?? 0);
  const rate = ((engaged / req.views) * 100).toFixed(1).replace('.', ',');
  el.textContent = `Tingkat keterlibatan: ${rate}% dari tayangan.`;
}

/** A date field showing the server's today as soon as the server has told the time. */
function defaultToday(id: string): void {
  whenClockKnown(() => {
    const input = byId<HTMLInputElement>(id);
    if (!input.value) input.value = todayLocal();
  });
}

function initMetrics(): void {
  defaultToday('metrics-date');
  byId('metrics-form').addEventListener('input', showRate);
  byId('metrics-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const { req, bad } = metricsInput();
    void submit(
      'metrics',
      () => (bad.length > 0 ? bad : validateMetrics(req, serverNow(), offset())),
      () => call('content.metrics.add', req),
      'Metrik tersimpan di lembar Metrik.',
      () => {
        for (const f of METRIC_FIELDS) byId<HTMLInputElement>(`metrics-${f}`).value = '';
        showRate();
      },
    );
  });
}

// ---- Q&A and evaluation ----

function initQa(): void {
  byId('qa-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const req: QaInput = {
      at: value('qa-at'),
      platform: value('qa-platform'),
      contentId: value('qa-contentId').trim(),
      question: value('qa-question'),
      answer: value('qa-answer'),
    };
    void submit(
      'qa',
      () => validateQa(req, serverNow(), offset()),
      () => call('content.qa.add', req),
      'Tanya jawab tersimpan.',
      () => {
        byId<HTMLTextAreaElement>('qa-question').value = '';
        byId<HTMLTextAreaElement>('qa-answer').value = '';
      },
    );
  });
}

function initEvaluation(): void {
  defaultToday('evaluation-date');
  byId('evaluation-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const req: EvaluationInput = {
      date: value('evaluation-date'),
      contentId: value('evaluation-contentId').trim(),
      notes: value('evaluation-notes'),
      followUp: value('evaluation-followUp'),
    };
    void submit(
      'evaluation',
      () => validateEvaluation(req, serverNow(), offset()),
      () => call('content.evaluation.add', req),
      'Catatan evaluasi tersimpan.',
      () => {
        byId<HTMLTextAreaElement>('evaluation-notes').value = '';
        byId<HTMLTextAreaElement>('evaluation-followUp').value = '';
      },
    );
  });
}

// ---- Tasks ----

function taskItem(t: TaskItem): HTMLLIElement {
  const button = h('button', { type: 'button', class: 'secondary small-btn', text: 'Tandai selesai' });
  button.setAttribute('aria-label', `Tandai selesai: ${t.task}`);
  const li = h(
    'li',
    { class: `task${t.overdue ? ' late' : ''}` },
    h('div', { class: 'name', text: t.task }),
    h('div', { class: 'meta', text: [t.team, t.contentId].filter(Boolean).join(' · ') }),
    h(
      'div',
      { class: 'meta' },
      t.due ? `Jatuh tempo ${longTime(t.due)} ` : 'Tanpa jatuh tempo ',
      t.overdue ? h('span', { class: 'tag late', text: 'Terlambat' }) : null,
    ),
    h('div', { class: 'actions' }, button),
  );
  button.addEventListener('click', () => {
    void busyButton(button, () => call('tasks.done', { row: t.row, key: t.key, task: t.task }))
      .then((res) => {
        if (res.ok) {
          setStatus(byId('tasks-status'), `Selesai: ${t.task}`, 'ok');
          li.remove();
        } else setStatus(byId('tasks-status'), res.error ?? 'Tugas tidak dapat ditandai.', 'bad');
      })
      .catch((err) => setStatus(byId('tasks-status'), errorText(err), 'bad'));
  });
  return li;
}

async function loadTasks(): Promise<void> {
  const status = byId('tasks-status');
  setStatus(status, 'Memuat tugas…');
  try {
    const tasks = await call('tasks.list', { team: value('tasks-team') });
    const list = byId('tasks-list');
    clear(list);
    if (tasks.length === 0) list.appendChild(h('li', { class: 'empty', text: 'Tidak ada tugas terbuka.' }));
    for (const t of tasks) list.appendChild(taskItem(t));
    setStatus(status, '');
  } catch (err) {
    setStatus(status, `Tugas gagal dimuat: ${errorText(err)}`, 'bad');
  }
}

async function loadContentIds(): Promise<void> {
  try {
    const items = await call('content.list', {});
    const list = byId('content-ids');
    clear(list);
    for (const c of items) {
      list.appendChild(h('option', { value: c.id, label: `${c.publishDate} · ${c.topic || c.theme}` }));
    }
    fillPublications(items);
  } catch {
    // the picker is a convenience: ids can be typed
  }
}

/** Loads the pickers and tasks the first time the tab is shown. */
export function showContent(): void {
  if (loaded) return;
  loaded = true;
  void loadContentIds();
  void loadTasks();
}

export function initContent(): void {
  initMetrics();
  initQa();
  initEvaluation();
  initSpeakers(loadContentIds);
  // Date fields still showing "today" follow the service's zone once the server tells it.
  onZoneChange((previous) => {
    for (const id of ['metrics-date', 'evaluation-date']) {
      const input = byId<HTMLInputElement>(id);
      if (input.value === todayLocal(serverNow(), previous)) input.value = todayLocal();
    }
  });
  byId('tasks-team').addEventListener('change', () => void loadTasks());
  byId('tasks-refresh').addEventListener('click', () => void loadTasks());
}
