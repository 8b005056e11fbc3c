// /chat — a citizen's phone. Pick a person (several at once), type a message or tap a list row or
// a button of the bot's last messages: the page builds the Cloud API webhook Meta would post and
// sends it to /exec?key=…; the conversation comes from GET /_dev/conversation/<number>.

import type { BubbleView, ChoiceView } from '../conversation';
import {
  byId,
  clear,
  currentState,
  formatTime,
  getJson,
  h,
  inDefaultHours,
  nextWorkdayNine,
  onState,
  postJson,
  refreshState,
  say,
  startHeader,
} from './common';
import { type Citizen, choiceWebhook, mediaWebhook, normalisePhone, textWebhook } from './webhook';

interface Conversation {
  generation: number;
  items: BubbleView[];
}

const STORE_KEY = 'halo-playground:citizens';
const SELECTED_KEY = 'halo-playground:selected';
const DEFAULT_CITIZENS: Citizen[] = [
  { name: 'Siti Aminah', phone: '6281234500001' },
  { name: 'Budi Santoso', phone: '6281234500002' },
  { name: 'Dewi Lestari', phone: '6281234500003' },
];

function loadCitizens(): Citizen[] {
  try {
    const raw = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null') as unknown;
    if (Array.isArray(raw)) {
      const list = raw.filter(
        (c): c is Citizen =>
          !!c && typeof c.name === 'string' && typeof c.phone === 'string' && c.phone !== '',
      );
      if (list.length) return list;
    }
  } catch {
    // fall back to the demo citizens
  }
  return DEFAULT_CITIZENS.slice();
}

let citizens = loadCitizens();
let officers: Citizen[] = [];
let selected: Citizen = citizens.find((c) => c.phone === localStorage.getItem(SELECTED_KEY)) ?? citizens[0];
let lastRendered = '';
let sending = false;

function saveCitizens(): void {
  localStorage.setItem(STORE_KEY, JSON.stringify(citizens));
}

/**
 * The emulated time now: the latest state's clock plus the time elapsed since it was read, measured
 * by the page's monotonic timer (the browser's own date is never read).
 */
let stateAt: { emulated: number; mono: number } | null = null;
onState((s) => {
  stateAt = { emulated: Date.parse(s.now), mono: performance.now() };
  byId('hours-note').hidden = inDefaultHours(stateAt.emulated);
  const next = s.officers
    .filter((o) => normalisePhone(o.whatsapp))
    .map((o) => ({ name: `${o.name} (${o.group})`, phone: normalisePhone(o.whatsapp) }));
  if (JSON.stringify(next) !== JSON.stringify(officers)) {
    officers = next;
    renderPeople();
  }
});
async function emulatedNow(): Promise<number> {
  if (!stateAt) await refreshState();
  if (!stateAt) throw new Error('jam emulator belum diketahui');
  return stateAt.emulated + (performance.now() - stateAt.mono);
}

function personButton(c: Citizen): HTMLLIElement {
  const current = c.phone === selected.phone;
  const btn = h(
    'button',
    { type: 'button', class: 'person', 'aria-pressed': current ? 'true' : 'false', 'data-phone': c.phone },
    h('span', { class: 'person-name', text: c.name }),
    h('span', { class: 'person-phone', text: '+' + c.phone }),
  );
  btn.addEventListener('click', () => select(c));
  return h('li', {}, btn);
}

function renderPeople(): void {
  const list = byId('citizens');
  clear(list);
  for (const c of citizens) {
    const li = personButton(c);
    const remove = h('button', {
      type: 'button',
      class: 'remove',
      title: `Hapus ${c.name} dari daftar`,
      text: '×',
    });
    remove.setAttribute('aria-label', `Hapus ${c.name} dari daftar`);
    remove.addEventListener('click', () => {
      citizens = citizens.filter((x) => x.phone !== c.phone);
      if (!citizens.length) citizens = DEFAULT_CITIZENS.slice();
      saveCitizens();
      if (selected.phone === c.phone) select(citizens[0]);
      else renderPeople();
    });
    li.appendChild(remove);
    list.appendChild(li);
  }
  const off = byId('officers');
  clear(off);
  for (const o of officers) off.appendChild(personButton(o));
  byId('officers-empty').hidden = officers.length > 0;
}

function select(c: Citizen): void {
  selected = c;
  localStorage.setItem(SELECTED_KEY, c.phone);
  byId('who-name').textContent = c.name;
  byId('who-phone').textContent = '+' + c.phone;
  byId('avatar').textContent = (c.name.trim()[0] ?? '?').toUpperCase();
  lastRendered = '';
  clear(byId('messages'));
  renderPeople();
  void refresh();
  byId<HTMLInputElement>('text').focus();
}

async function post(payload: Record<string, unknown>): Promise<void> {
  const s = currentState() ?? (await refreshState());
  if (!s) throw new Error('Server playground tidak terjangkau.');
  const res = await fetch(`/exec?key=${encodeURIComponent(s.webhookKey)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  if (!res.ok) throw new Error(`Webhook menjawab ${res.status}`);
}

async function send(build: (phoneNumberId: string) => Record<string, unknown>): Promise<void> {
  if (sending) return;
  sending = true;
  byId('composer').setAttribute('aria-busy', 'true');
  try {
    const s = currentState() ?? (await refreshState());
    await post(build(s ? s.phoneNumberId : 'PLAYGROUND'));
    say('chat-status', '');
  } catch (err) {
    say('chat-status', `Gagal mengirim: ${(err as Error).message}`, true);
  } finally {
    sending = false;
    byId('composer').removeAttribute('aria-busy');
    await refresh();
  }
}

async function sendText(text: string): Promise<void> {
  const who = selected;
  const now = await emulatedNow();
  return send((pnid) => textWebhook(who, text, now, pnid));
}

/** The citizen attaches a file: the fake Meta keeps it, the webhook carries its media id. */
async function sendFile(file: File): Promise<void> {
  const who = selected;
  const input = byId<HTMLInputElement>('text');
  const caption = input.value;
  input.value = '';
  const data = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('file'));
    reader.readAsDataURL(file);
  });
  const mime = file.type || 'application/octet-stream';
  const res = await fetch('/_dev/media', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mime, data }),
  });
  if (!res.ok) return say('chat-status', `Gagal mengirim berkas: ${res.status}`, true);
  const { id } = (await res.json()) as { id: string };
  const type = mime.startsWith('image/')
    ? 'image'
    : mime.startsWith('audio/')
      ? 'audio'
      : mime.startsWith('video/')
        ? 'video'
        : 'document';
  const media = {
    id,
    mime_type: mime,
    ...(caption && type !== 'audio' ? { caption } : {}),
    ...(type === 'document' ? { filename: file.name } : {}),
  };
  const now = await emulatedNow();
  return send((pnid) => mediaWebhook(who, type, media, now, pnid));
}

async function sendChoice(
  kind: 'list_reply' | 'button_reply',
  choice: ChoiceView,
  contextId: string | undefined,
): Promise<void> {
  const who = selected;
  const now = await emulatedNow();
  return send((pnid) => choiceWebhook(who, kind, choice, now, pnid, contextId ?? ''));
}

function choiceButton(
  kind: 'list_reply' | 'button_reply',
  c: ChoiceView,
  contextId: string | undefined,
): HTMLButtonElement {
  const btn = h(
    'button',
    { type: 'button', class: kind === 'list_reply' ? 'row' : 'reply' },
    h('span', { class: 'choice-title', text: c.title }),
    c.description ? h('span', { class: 'choice-desc', text: c.description }) : null,
  );
  btn.addEventListener('click', () => void sendChoice(kind, c, contextId));
  return btn;
}

const MARKUP = /(\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~|```[^`]+```)/;

/** WhatsApp's *bold*, _italic_, ~strike~ and ```mono```, built as elements (text stays text). */
export function formatted(text: string): Node[] {
  return text
    .split(MARKUP)
    .filter((part) => part !== '')
    .map((part) => {
      if (!MARKUP.test(part) || part.length < 3) return document.createTextNode(part);
      if (part.startsWith('```')) return h('code', { text: part.slice(3, -3) });
      const tag = part[0] === '*' ? 'strong' : part[0] === '_' ? 'em' : 's';
      return h(tag, { text: part.slice(1, -1) });
    });
}

function bubble(b: BubbleView): HTMLLIElement {
  const li = h('li', { class: `bubble ${b.dir} kind-${b.kind}` });
  if (b.header) li.appendChild(h('strong', { class: 'bubble-header', text: b.header }));
  if (b.template) li.appendChild(h('span', { class: 'template', text: `Template: ${b.template.name}` }));
  li.appendChild(h('p', { class: 'bubble-text' }, ...formatted(b.text)));
  if (b.footer) li.appendChild(h('small', { class: 'bubble-footer', text: b.footer }));
  if (b.buttons && b.buttons.length) {
    const box = h('div', { class: 'choices buttons', role: 'group', 'aria-label': 'Tombol balasan' });
    for (const c of b.buttons) box.appendChild(choiceButton('button_reply', c, b.id));
    li.appendChild(box);
  }
  if (b.list) {
    const box = h('div', {
      class: 'choices list',
      role: 'group',
      'aria-label': b.list.button || 'Daftar pilihan',
    });
    box.appendChild(h('span', { class: 'list-button', text: `☰ ${b.list.button}` }));
    for (const section of b.list.sections) {
      if (section.title) box.appendChild(h('span', { class: 'section-title', text: section.title }));
      for (const row of section.rows) box.appendChild(choiceButton('list_reply', row, b.id));
    }
    li.appendChild(box);
  }
  const meta = h('span', { class: 'bubble-meta', text: formatTime(b.at) });
  if (b.dir === 'in') {
    const ticks = h('span', { class: b.read ? 'ticks read' : 'ticks', text: b.read ? ' ✓✓' : ' ✓' });
    ticks.title = b.read ? 'Dibaca' : 'Terkirim';
    meta.appendChild(ticks);
  }
  li.appendChild(meta);
  return li;
}

async function refresh(): Promise<void> {
  const who = selected;
  let conv: Conversation;
  try {
    conv = await getJson<Conversation>(`/_dev/conversation/${encodeURIComponent(who.phone)}`);
  } catch {
    return;
  }
  if (who !== selected) return;
  const key = JSON.stringify(conv);
  if (key === lastRendered) return;
  lastRendered = key;
  const box = byId('messages');
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  clear(box);
  if (!conv.items.length) {
    box.appendChild(
      h('li', {
        class: 'empty',
        text: 'Belum ada pesan. Ketik "halo" untuk memulai percakapan dengan HALO KOP-UKM.',
      }),
    );
  }
  for (const b of conv.items) box.appendChild(bubble(b));
  if (atBottom || conv.items.length < 4) box.scrollTop = box.scrollHeight;
  else box.lastElementChild?.scrollIntoView({ block: 'nearest' });
}

function init(): void {
  startHeader();
  renderPeople();
  select(selected);
  byId<HTMLInputElement>('attach').addEventListener('change', () => {
    const input = byId<HTMLInputElement>('attach');
    const file = input.files && input.files[0];
    input.value = '';
    if (file) void sendFile(file);
  });
  byId('composer').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const input = byId<HTMLInputElement>('text');
    const text = input.value;
    if (!text.trim()) return;
    input.value = '';
    void sendText(text);
  });
  for (const chip of Array.from(document.querySelectorAll<HTMLButtonElement>('.quick button'))) {
    chip.addEventListener('click', () => void sendText(chip.dataset.text ?? chip.textContent ?? ''));
  }
  byId('add').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const name = byId<HTMLInputElement>('add-name').value.trim();
    const phone = normalisePhone(byId<HTMLInputElement>('add-phone').value);
    if (!name) return say('add-status', 'Isi nama warga.', true);
    if (!phone) return say('add-status', 'Nomor WhatsApp tidak valid (contoh: 0812 3456 7890).', true);
    const existing = citizens.find((c) => c.phone === phone);
    if (existing) existing.name = name;
    else citizens.push({ name, phone });
    saveCitizens();
    byId<HTMLFormElement>('add').reset();
    say('add-status', `${name} ditambahkan.`);
    select(existing ?? citizens[citizens.length - 1]);
  });
  byId('to-workday').addEventListener('click', async () => {
    await postJson('/_dev/clock', { set: new Date(nextWorkdayNine(await emulatedNow())).toISOString() });
    await refreshState();
  });
  setInterval(() => void refresh(), 1200);
}

init();
