// Percakapan: one session's transcript (refreshed every 5 s while shown), the reply box, closing
// and the officer's note. Everything a citizen wrote is set with textContent: it never runs.

import { MAX_REPLY } from '../../../api/forms';
import type { SessionView, TranscriptEntry } from '../../../api/types';
import { isLikelyPhone, localPhone } from '../../../domain/phone';
import { render } from '../../../messages/id';
import { call } from '../../client/bridge';
import { byId, clear, h } from '../../client/dom';
import { refreshInbox } from './inbox';
import { currentPanel, showPanel } from './tabs';
import { busyButton, errorText, longTime, poll, setStatus, shortTime } from './util';

const REFRESH_MS = 5000;

let sessionId = '';
let view: SessionView | null = null;
/** Signature of the transcript last drawn: redraw only when it changed. */
let drawn = '';
let noteDirty = false;
let refreshNow: () => Promise<void> = async () => undefined;

function messageItem(m: TranscriptEntry): HTMLLIElement {
  const who =
    m.from === 'warga'
      ? `${view?.name || 'Warga'} (warga)`
      : m.from === 'petugas'
        ? m.sender || 'Petugas'
        : 'Bot HALO KOP-UKM';
  const failed = m.status && m.status !== 'terkirim' ? m.status : '';
  return h(
    'li',
    { class: `msg ${m.from}`, 'data-row': m.row },
    h(
      'div',
      { class: 'who' },
      h('span', { text: who }),
      h('time', { datetime: m.at, text: shortTime(m.at) }),
    ),
    m.media ? h('div', { class: 'media', text: `[${m.media}]` }) : null,
    m.text ? h('p', { class: 'text', text: m.text }) : null,
    failed ? h('div', { class: 'fail', text: failed }) : null,
  );
}

function fact(dl: HTMLElement, term: string, value: string): void {
  if (!value) return;
  dl.appendChild(h('dt', { text: term }));
  dl.appendChild(h('dd', { text: value }));
}

function stateText(v: SessionView): string {
  if (!v.open && v.channel && v.channel !== 'WhatsApp') {
    return `Dicatat manual (${v.channel}) pukul ${shortTime(v.startedAt)}.`;
  }
  if (!v.open) {
    const when = v.endedAt ? ` pukul ${shortTime(v.endedAt)}` : '';
    switch (v.closedBy) {
      case 'user':
        return `Sesi berakhir${when}: warga mengakhiri sesi.`;
      case 'petugas':
        return `Sesi berakhir${when}: ditutup oleh petugas.`;
      case 'waktu habis':
        return `Sesi berakhir${when}: waktu sesi habis.`;
      default:
        return `Sesi sudah berakhir${when}.`;
    }
  }
  if (v.minutesLeft === null) {
    return 'Menunggu jawaban pertama. Pesan masuk di luar jam layanan: waktu sesi mulai berjalan saat Anda membalas.';
  }
  if (!v.firstResponseAt) return `Menunggu jawaban pertama · sisa ${v.minutesLeft} menit.`;
  return `Sesi aktif · sisa ${v.minutesLeft} menit.`;
}

function draw(v: SessionView): void {
  view = v;
  byId('chat-empty').hidden = true;
  byId('chat-body').hidden = false;
  byId('chat-title').textContent = `${v.name || 'Tanpa nama'} · ${v.sessionId}`;
  const facts = byId('chat-facts');
  clear(facts);
  fact(facts, 'Nomor', isLikelyPhone(v.phone) ? localPhone(v.phone) : v.phone);
  fact(facts, 'Layanan', `${v.jenis} ${v.bidang}`.trim());
  fact(facts, 'Topik', v.topic);
  fact(facts, 'Kanal', v.channel);
  fact(facts, 'Mulai', longTime(v.startedAt));
  fact(facts, 'Petugas', v.officer);
  if (v.rating !== null) fact(facts, 'Penilaian', `${v.rating} – ${v.ratingLabel}`);

  const banner = byId('chat-state');
  const text = stateText(v);
  if (banner.textContent !== text) banner.textContent = text;
  banner.classList.toggle('ended', !v.open);

  const signature = v.messages.map((m) => `${m.row}:${m.status}`).join(',');
  if (signature !== drawn) {
    const list = byId('chat-transcript');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    clear(list);
    if (v.messages.length === 0) list.appendChild(h('li', { class: 'empty', text: 'Belum ada pesan.' }));
    for (const m of v.messages) list.appendChild(messageItem(m));
    if (atBottom || !drawn) list.scrollTop = list.scrollHeight;
    drawn = signature;
  }

  const reply = byId<HTMLTextAreaElement>('reply-text');
  reply.disabled = !v.open;
  byId<HTMLButtonElement>('reply-send').disabled = !v.open;
  byId<HTMLButtonElement>('close-session').disabled = !v.open;
  if (!v.open) byId('close-confirm').hidden = true;
  const note = byId<HTMLTextAreaElement>('note-text');
  if (!noteDirty && document.activeElement !== note) note.value = v.note;
}

async function load(): Promise<void> {
  if (!sessionId) return;
  const status = byId('chat-status');
  try {
    const v = await call('session.get', { sessionId });
    if (v.sessionId.toUpperCase() !== sessionId.toUpperCase()) return; // another session was opened meanwhile
    draw(v);
  } catch (err) {
    setStatus(status, `Percakapan gagal dimuat: ${errorText(err)}`, 'bad');
    throw err;
  }
}

export function openConversation(id: string): void {
  if (id !== sessionId) {
    sessionId = id;
    view = null;
    drawn = '';
    noteDirty = false;
    byId<HTMLTextAreaElement>('reply-text').value = '';
    byId<HTMLTextAreaElement>('note-text').value = '';
    byId('err-reply-text').textContent = '';
    byId('close-confirm').hidden = true;
    clear(byId('chat-transcript'));
    setStatus(byId('chat-status'), 'Memuat percakapan…');
  }
  showPanel('chat');
  void refreshNow().then(() => {
    if (byId('chat-status').textContent === 'Memuat percakapan…') setStatus(byId('chat-status'), '');
  });
  byId('chat-title').focus();
}

async function sendReply(): Promise<void> {
  const textarea = byId<HTMLTextAreaElement>('reply-text');
  const err = byId('err-reply-text');
  const status = byId('chat-status');
  err.textContent = '';
  textarea.removeAttribute('aria-invalid');
  const text = textarea.value;
  const problem = !text.trim()
    ? render('sidebarReplyEmpty')
    : text.length > MAX_REPLY
      ? render('sidebarReplyTooLong', { count: text.length, max: MAX_REPLY })
      : '';
  if (problem) {
    err.textContent = problem;
    textarea.setAttribute('aria-invalid', 'true');
    textarea.focus();
    return;
  }
  setStatus(status, 'Mengirim…');
  try {
    const res = await busyButton(byId<HTMLButtonElement>('reply-send'), () =>
      call('session.reply', { sessionId, text }),
    );
    if (!res.ok) {
      err.textContent = res.error ?? 'Pesan tidak terkirim.';
      setStatus(status, '');
    } else {
      textarea.value = '';
      if (res.sendStatus === 'gagal') setStatus(status, `Pesan gagal dikirim: ${res.sendError ?? ''}`, 'bad');
      else if (res.sendStatus === 'antre')
        setStatus(status, 'Pesan tertunda dan akan dikirim ulang otomatis.', 'bad');
      else setStatus(status, 'Terkirim.', 'ok');
    }
  } catch (e) {
    err.textContent = errorText(e);
    setStatus(status, '');
  }
  await refreshNow();
  void refreshInbox();
}

async function closeCurrent(): Promise<void> {
  const status = byId('chat-status');
  byId('close-confirm').hidden = true;
  setStatus(status, 'Menutup sesi…');
  try {
    const res = await busyButton(byId<HTMLButtonElement>('close-yes'), () =>
      call('session.close', { sessionId }),
    );
    if (res.ok) setStatus(status, 'Sesi ditutup. Warga diminta memberi penilaian.', 'ok');
    else setStatus(status, res.error ?? 'Sesi tidak dapat ditutup.', 'bad');
  } catch (e) {
    setStatus(status, errorText(e), 'bad');
  }
  await refreshNow();
  void refreshInbox();
  byId('chat-title').focus();
}

async function saveNote(): Promise<void> {
  const note = byId<HTMLTextAreaElement>('note-text');
  const err = byId('err-note-text');
  const status = byId('chat-status');
  err.textContent = '';
  try {
    const res = await busyButton(byId<HTMLButtonElement>('note-save'), () =>
      call('session.note', { sessionId, note: note.value }),
    );
    if (res.ok) {
      noteDirty = false;
      setStatus(status, 'Catatan tersimpan.', 'ok');
    } else err.textContent = res.error ?? 'Catatan tidak tersimpan.';
  } catch (e) {
    err.textContent = errorText(e);
  }
}

export function initConversation(): void {
  byId('chat-title').tabIndex = -1;
  // An ended conversation changes rarely (a rating may still come): look every sixth time.
  let skipped = 0;
  const due = (): boolean => {
    if (currentPanel() !== 'chat' || sessionId === '') return false;
    if (!view || view.open) return true;
    skipped = (skipped + 1) % 6;
    return skipped === 0;
  };
  refreshNow = poll(REFRESH_MS, due, load);
  byId('chat-back').addEventListener('click', () => {
    showPanel('inbox');
    void refreshInbox();
    const card = document.querySelector<HTMLElement>(`.card[data-session="${CSS.escape(sessionId)}"]`);
    if (card) card.focus();
  });
  byId<HTMLFormElement>('reply-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void sendReply();
  });
  byId('reply-text').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      void sendReply();
    }
  });
  byId('close-session').addEventListener('click', () => {
    byId('close-confirm').hidden = false;
    byId('close-yes').focus();
  });
  byId('close-no').addEventListener('click', () => {
    byId('close-confirm').hidden = true;
    byId('close-session').focus();
  });
  byId('close-yes').addEventListener('click', () => void closeCurrent());
  byId('note-text').addEventListener('input', () => (noteDirty = true));
  byId<HTMLFormElement>('note-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void saveNote();
  });
}
