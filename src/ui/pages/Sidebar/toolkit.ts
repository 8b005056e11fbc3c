// The officer's toolkit in Percakapan (issue 15): the quick-reply picker of the reply box (search by
// code or title, insert into the reply to edit and send) and the hand-over to another group.
// Quick replies are the team's texts filled with the citizen's name: set as text only.

import type { QuickReplyItem, SessionView } from '../../../api/types';
import { call } from '../../client/bridge';
import { byId, clear, h } from '../../client/dom';
import { refreshInbox } from './inbox';
import { busyButton, errorText, setStatus } from './util';

let currentId: () => string = () => '';
let reload: () => Promise<void> = async () => undefined;
let loadedFor = '';
let replies: QuickReplyItem[] = [];
let groups: string[] = [];
let currentGroup = '';

function insert(text: string): void {
  const box = byId<HTMLTextAreaElement>('reply-text');
  const start = box.selectionStart ?? box.value.length;
  const end = box.selectionEnd ?? start;
  box.value = box.value.slice(0, start) + text + box.value.slice(end);
  box.focus();
  const at = start + text.length;
  box.setSelectionRange(at, at);
}

function drawReplies(): void {
  const list = byId('qr-list');
  clear(list);
  const q = byId<HTMLInputElement>('qr-search').value.trim().toLowerCase();
  const shown = replies.filter(
    (r) => !q || r.code.toLowerCase().includes(q) || r.title.toLowerCase().includes(q),
  );
  if (shown.length === 0) {
    list.appendChild(
      h('li', {
        class: 'empty',
        text: replies.length
          ? 'Tidak ada yang cocok.'
          : 'Belum ada. Isi lembar Jawaban Cepat (Kode, Judul, Isi, Grup).',
      }),
    );
  }
  for (const r of shown) {
    const button = h(
      'button',
      { type: 'button', class: 'qr-item', 'data-code': r.code, title: r.text },
      h('span', { class: 'qr-code', text: r.code }),
      h('span', { class: 'qr-title', text: r.title }),
    );
    button.addEventListener('click', () => insert(r.text));
    list.appendChild(h('li', {}, button));
  }
}

async function loadReplies(): Promise<void> {
  const id = currentId();
  if (!id || loadedFor === id) return;
  loadedFor = id;
  try {
    const view = await call('quickReplies.list', { sessionId: id });
    if (currentId() !== id) return;
    replies = view.replies;
    groups = view.groups;
    drawReplies();
    drawGroups();
  } catch (e) {
    loadedFor = '';
    setStatus(byId('chat-status'), `Jawaban cepat gagal dimuat: ${errorText(e)}`, 'bad');
  }
}

function drawGroups(): void {
  const select = byId<HTMLSelectElement>('handover-group');
  const keep = select.value;
  clear(select);
  select.appendChild(h('option', { value: '', text: '— pilih grup —' }));
  for (const g of groups) {
    if (g === currentGroup) continue;
    select.appendChild(h('option', { value: g, text: g }));
  }
  if (keep && keep !== currentGroup) select.value = keep;
}

/** A new session opened: the picker reloads for it (its variables differ). */
export function resetToolkit(): void {
  loadedFor = '';
  replies = [];
  byId<HTMLInputElement>('qr-search').value = '';
  clear(byId('qr-list'));
}

export function drawToolkit(v: SessionView): void {
  const group = `${v.jenis} ${v.bidang}`.trim();
  if (group !== currentGroup) {
    currentGroup = group;
    drawGroups();
  }
  // A case moves to another group after its chat ended too.
  byId<HTMLSelectElement>('handover-group').disabled = !(v.canHandOver ?? v.open);
  byId<HTMLButtonElement>('handover-send').disabled = !(v.canHandOver ?? v.open);
  byId<HTMLButtonElement>('file-send').disabled = !v.open;
  byId<HTMLInputElement>('reply-file').disabled = !v.open;
  // The hand-over's groups come with the quick replies: load them for the form too, not only when
  // the quick-reply box is opened.
  if (byId<HTMLDetailsElement>('qr-box').open || groups.length === 0) void loadReplies();
}

async function handOver(): Promise<void> {
  const select = byId<HTMLSelectElement>('handover-group');
  const status = byId('chat-status');
  const group = select.value;
  if (!group) {
    setStatus(status, 'Pilih grup tujuan terlebih dahulu.', 'bad');
    select.focus();
    return;
  }
  setStatus(status, 'Mengalihkan…');
  try {
    const res = await busyButton(byId<HTMLButtonElement>('handover-send'), () =>
      call('session.handover', { sessionId: currentId(), group }),
    );
    if (res.ok) {
      setStatus(status, `Sesi dialihkan ke ${group}. Petugas grup itu sudah diberi tahu.`, 'ok');
      select.value = '';
      loadedFor = '';
    } else setStatus(status, res.error ?? 'Sesi tidak dapat dialihkan.', 'bad');
  } catch (e) {
    setStatus(status, errorText(e), 'bad');
  }
  await reload();
  void refreshInbox();
}

let forceFile = false;

/** Sends the chosen file (the reply text, if any, as its caption) through `session.sendFile`. */
async function sendFile(): Promise<void> {
  const input = byId<HTMLInputElement>('reply-file');
  const status = byId('chat-status');
  const file = input.files && input.files[0];
  if (!file) {
    setStatus(status, 'Pilih berkas terlebih dahulu.', 'bad');
    input.focus();
    return;
  }
  const data = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('berkas'));
    reader.readAsDataURL(file);
  });
  const caption = byId<HTMLTextAreaElement>('reply-text').value.trim();
  setStatus(status, 'Mengirim berkas…');
  try {
    const res = await busyButton(byId<HTMLButtonElement>('file-send'), () =>
      call('session.sendFile', {
        sessionId: currentId(),
        name: file.name,
        mime: file.type,
        data,
        caption,
        force: forceFile,
      }),
    );
    if (!res.ok && res.claimedBy) {
      forceFile = true;
      setStatus(status, `${res.error ?? ''} Klik Kirim berkas sekali lagi untuk tetap mengirim.`, 'bad');
      return;
    }
    forceFile = false;
    if (!res.ok) setStatus(status, res.error ?? 'Berkas tidak terkirim.', 'bad');
    else {
      input.value = '';
      if (caption) byId<HTMLTextAreaElement>('reply-text').value = '';
      setStatus(status, 'Berkas terkirim.', 'ok');
    }
  } catch (e) {
    setStatus(status, errorText(e), 'bad');
  }
  await reload();
}

export function initToolkit(id: () => string, refresh: () => Promise<void>): void {
  currentId = id;
  reload = refresh;
  byId('file-send').addEventListener('click', () => void sendFile());
  byId('qr-box').addEventListener('toggle', () => {
    if (byId<HTMLDetailsElement>('qr-box').open) void loadReplies();
  });
  byId('qr-search').addEventListener('input', drawReplies);
  byId('qr-search').addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    const first = document.querySelector<HTMLButtonElement>('#qr-list .qr-item');
    if (first) first.click();
  });
  byId<HTMLFormElement>('handover-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void handOver();
  });
}
