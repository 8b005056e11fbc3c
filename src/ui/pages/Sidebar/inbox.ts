// Kotak Masuk: waiting and active sessions (refreshed every 10 s while the sidebar is open),
// filtered by group; the overnight queue first. Names and topics come from citizens: text only.

import type { InboxGroup, InboxItem, InboxView, RecentItem } from '../../../api/types';
import { call } from '../../client/bridge';
import { byId, clear, h } from '../../client/dom';
import { setTabBadge } from './tabs';
import { errorText, poll, setStatus, setZone, shortTime, zone } from './util';

const REFRESH_MS = 10000;
const GROUP_KEY = 'halo.inboxGroup';

let openSession: (id: string) => void = () => undefined;
let refreshNow: () => Promise<void> = async () => undefined;

function group(): string {
  return byId<HTMLSelectElement>('inbox-group').value;
}

function minutesText(item: InboxItem): string {
  if (item.minutesLeft === null) return 'waktu belum berjalan';
  if (item.minutesLeft <= 0) return 'waktu habis';
  return `sisa ${item.minutesLeft} menit`;
}

function card(item: InboxItem): HTMLLIElement {
  const tag = item.outOfHours
    ? h('span', { class: 'tag wait', text: 'Di luar jam' })
    : item.waiting
      ? h('span', { class: 'tag wait', text: 'Menunggu' })
      : h('span', { class: 'tag ok', text: 'Aktif' });
  const unread =
    item.unread > 0
      ? h('span', { class: 'badge', text: String(item.unread), title: `${item.unread} pesan belum dibalas` })
      : null;
  const label = [
    item.name || 'Tanpa nama',
    item.sessionId,
    `${item.jenis} ${item.bidang}`,
    item.topic,
    item.unread > 0 ? `${item.unread} pesan belum dibalas` : '',
    minutesText(item),
  ]
    .filter(Boolean)
    .join(', ');
  const button = h(
    'button',
    {
      type: 'button',
      class: `card${item.outOfHours ? ' ooh' : item.waiting ? '' : ' active'}`,
      'data-session': item.sessionId,
      'aria-label': label,
    },
    h('div', { class: 'line' }, h('span', { class: 'name', text: item.name || 'Tanpa nama' }), unread),
    h('div', { class: 'meta', text: `${item.phone} · ${item.sessionId}` }),
    h('div', { class: 'meta', text: `${item.jenis} ${item.bidang} – ${item.topic}` }),
    h(
      'div',
      { class: 'line' },
      tag,
      h('span', { class: 'meta', text: `${minutesText(item)} · ${shortTime(item.lastActivityAt)}` }),
    ),
  );
  button.addEventListener('click', () => openSession(item.sessionId));
  return h('li', {}, button);
}

function recentCard(item: RecentItem): HTMLLIElement {
  const button = h(
    'button',
    { type: 'button', class: 'card', 'data-session': item.sessionId },
    h('div', { class: 'line' }, h('span', { class: 'name', text: item.name || 'Tanpa nama' })),
    h('div', { class: 'meta', text: `${item.sessionId} · ${item.jenis} ${item.bidang} – ${item.topic}` }),
    h('div', { class: 'meta', text: `Selesai ${shortTime(item.endedAt)}` }),
  );
  button.addEventListener('click', () => openSession(item.sessionId));
  return h('li', {}, button);
}

function render(view: InboxView): void {
  const list = byId('inbox-list');
  clear(list);
  if (view.sessions.length === 0) {
    list.appendChild(h('li', { class: 'empty', text: 'Tidak ada sesi yang menunggu atau aktif.' }));
  }
  for (const item of view.sessions) list.appendChild(card(item));
  const recent = byId('inbox-recent');
  clear(recent);
  if (view.recent.length === 0) recent.appendChild(h('li', { class: 'empty', text: 'Belum ada.' }));
  for (const item of view.recent) recent.appendChild(recentCard(item));
  byId('inbox-updated').textContent = `Diperbarui ${shortTime(view.now)} ${zone()}`;
  const unread = view.sessions.reduce((n, s) => n + s.unread, 0);
  const waiting = view.sessions.filter((s) => s.waiting).length;
  setTabBadge('inbox', unread || waiting, `${unread} pesan belum dibalas, ${waiting} sesi menunggu`);
}

async function load(): Promise<void> {
  const status = byId('inbox-status');
  try {
    const view = await call('inbox.list', { group: group() as InboxGroup | '' });
    setZone(view.offset, view.zone);
    render(view);
    setStatus(status, '');
  } catch (err) {
    setStatus(status, `Kotak masuk gagal dimuat: ${errorText(err)}`, 'bad');
    throw err;
  }
}

export function refreshInbox(): Promise<void> {
  return refreshNow();
}

export function initInbox(open: (id: string) => void): void {
  openSession = open;
  const select = byId<HTMLSelectElement>('inbox-group');
  try {
    select.value = localStorage.getItem(GROUP_KEY) ?? '';
  } catch {
    // storage may be unavailable in the sandbox
  }
  select.addEventListener('change', () => {
    try {
      localStorage.setItem(GROUP_KEY, select.value);
    } catch {
      // ignore
    }
    void refreshNow();
  });
  refreshNow = poll(REFRESH_MS, () => true, load);
  byId('inbox-refresh').addEventListener('click', () => void refreshNow());
  byId<HTMLFormElement>('open-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const input = byId<HTMLInputElement>('open-id');
    const id = input.value.trim().toUpperCase();
    const err = byId('err-open-id');
    if (!/^HK-\d{4}-\d{4,}$/.test(id)) {
      err.textContent = 'Tulis ID sesi seperti HK-2611-0042.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    err.textContent = '';
    input.removeAttribute('aria-invalid');
    openSession(id);
  });
  void refreshNow();
}
