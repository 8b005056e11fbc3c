// Kasus: the open cases of the officer's groups, overdue first, with working days left; an
// update (Diproses / Selesai / Ditolak / kategori) sent to the citizen like `/kasus` from a phone.
// Names, topics and notes come from citizens and officers: set as text only.

import type { CaseItem, CasesView, CaseUpdateRequest } from '../../../api/types';
import { call } from '../../client/bridge';
import { byId, clear, h } from '../../client/dom';
import { setTabBadge } from './tabs';
import { dayText, errorText, setStatus } from './util';

let categories: string[] = [];

export function daysLeftText(days: number): string {
  if (days > 0) return `sisa ${days} hari kerja`;
  if (days === 0) return 'batas hari ini';
  return `terlambat ${-days} hari kerja`;
}

function card(item: CaseItem): HTMLLIElement {
  const tone = item.daysLeft < 0 ? 'late' : item.daysLeft <= 1 ? 'wait' : 'ok';
  const button = h(
    'button',
    {
      type: 'button',
      class: `card case ${tone}`,
      'data-case': item.sessionId,
      'aria-label': [
        item.sessionId,
        item.name || 'Tanpa nama',
        item.status,
        item.category,
        daysLeftText(item.daysLeft),
      ].join(', '),
    },
    h(
      'div',
      { class: 'line' },
      h('span', { class: 'name', text: item.sessionId }),
      h('span', { class: `tag ${tone}`, text: daysLeftText(item.daysLeft) }),
    ),
    h('div', {
      class: 'meta',
      text: `${item.name || 'Tanpa nama'} · ${item.jenis} ${item.bidang} – ${item.topic}`,
    }),
    h('div', { class: 'meta', text: `${item.status} · ${item.category} · batas ${dayText(item.deadline)}` }),
    item.lastNote ? h('div', { class: 'meta note', text: item.lastNote }) : null,
  );
  button.addEventListener('click', () => openForm(item));
  return h('li', {}, button);
}

function draw(view: CasesView): void {
  categories = view.categories;
  const list = byId('cases-list');
  clear(list);
  if (view.cases.length === 0)
    list.appendChild(h('li', { class: 'empty', text: 'Tidak ada kasus terbuka.' }));
  for (const item of view.cases) list.appendChild(card(item));
  byId('cases-groups').textContent = view.groups.length ? `Grup: ${view.groups.join(', ')}` : 'Semua grup';
  const late = view.cases.filter((c) => c.daysLeft < 0).length;
  setTabBadge('cases', late, `${late} kasus terlambat`);
}

export async function showCases(): Promise<void> {
  const status = byId('cases-status');
  try {
    draw(await call('cases.list', {}));
  } catch (err) {
    setStatus(status, errorText(err), 'bad');
  }
}

function syncAction(): void {
  const action = byId<HTMLSelectElement>('case-action').value;
  const isCategory = action === 'kategori';
  byId('case-category').hidden = !isCategory;
  byId('case-text').hidden = isCategory;
  byId('case-to-citizen').parentElement!.hidden = isCategory;
  byId('case-text-label').textContent = isCategory
    ? 'Kategori'
    : action === 'tolak'
      ? 'Alasan penolakan untuk warga'
      : action === 'selesai'
        ? 'Jawaban akhir untuk warga'
        : 'Catatan untuk warga';
}

function openForm(item: CaseItem): void {
  const form = byId<HTMLFormElement>('case-form');
  form.hidden = false;
  byId<HTMLInputElement>('case-id').value = item.sessionId;
  byId('case-title').textContent = `Perbarui ${item.sessionId}`;
  const select = byId<HTMLSelectElement>('case-category');
  clear(select);
  for (const c of categories)
    select.appendChild(h('option', { value: c, text: c, selected: c === item.category }));
  byId<HTMLTextAreaElement>('case-text').value = '';
  byId('err-case-text').textContent = '';
  syncAction();
  byId('case-text').focus();
}

async function submit(ev: Event): Promise<void> {
  ev.preventDefault();
  const action = byId<HTMLSelectElement>('case-action').value as CaseUpdateRequest['action'];
  const text =
    action === 'kategori'
      ? byId<HTMLSelectElement>('case-category').value
      : byId<HTMLTextAreaElement>('case-text').value;
  if (action !== 'kategori' && action !== 'proses' && !text.trim()) {
    byId('err-case-text').textContent = 'Tuliskan jawaban atau alasan untuk warga.';
    return;
  }
  const status = byId('cases-status');
  const button = byId<HTMLButtonElement>('case-submit');
  button.disabled = true;
  try {
    const res = await call('cases.update', {
      sessionId: byId<HTMLInputElement>('case-id').value,
      action,
      text,
      toCitizen: byId<HTMLInputElement>('case-to-citizen').checked,
    });
    setStatus(status, res.message, res.ok ? 'ok' : 'bad');
    if (res.ok) byId('case-form').hidden = true;
    await showCases();
  } catch (err) {
    setStatus(status, errorText(err), 'bad');
  } finally {
    button.disabled = false;
  }
}

export function initCases(): void {
  byId('cases-refresh').addEventListener('click', () => void showCases());
  byId('case-action').addEventListener('change', syncAction);
  byId('case-form').addEventListener('submit', (ev) => void submit(ev));
  byId('case-cancel').addEventListener('click', () => (byId('case-form').hidden = true));
}
