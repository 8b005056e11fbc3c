// / — what the playground is, the emulated clock (advance, set, follow real time), tick, reset,
// the .xlsx download, the webhook defaults, the mails held back and the latest executions.

import {
  byId,
  clear,
  formatWib,
  getJson,
  h,
  JAKARTA_MS,
  nextWorkdayNine,
  onState,
  postJson,
  refreshState,
  say,
  startHeader,
} from './common';

interface MailView {
  at: string;
  to: string;
  subject: string;
  text: string;
}

interface CallsView {
  id: number;
  name: string;
  kind: string;
  startedAt: number;
  total: number;
  roundTrips: number;
  cellsRead: number;
  cellsWritten: number;
  properties: number;
  cache: number;
  lock: number;
  urlFetch: number;
  mail: number;
}

/** A trigger run that found nothing due: no sheet, fetch or mail. */
function isIdleTick(c: CallsView): boolean {
  return c.kind === 'trigger' && c.roundTrips === 0 && c.urlFetch === 0 && c.mail === 0;
}

function toLocalInput(ms: number): string {
  return new Date(ms + JAKARTA_MS).toISOString().slice(0, 16);
}

async function clock(body: Record<string, unknown>, done: string): Promise<void> {
  try {
    const res = await postJson<{ now: string; ticks?: number }>('/_dev/clock', body);
    const ticks = res.ticks ? ` (${res.ticks} kali tick)` : '';
    say('clock-status', `${done}: ${formatWib(res.now)} WIB${ticks}.`);
  } catch (err) {
    say('clock-status', `Gagal: ${(err as Error).message}`, true);
  }
  await refreshState();
  await loadLists();
}

async function loadLists(): Promise<void> {
  try {
    const [mails, calls] = await Promise.all([
      getJson<MailView[]>('/_dev/mails'),
      getJson<CallsView[]>('/_dev/calls?limit=300'),
    ]);
    const list = byId('mails');
    clear(list);
    if (!mails.length) list.appendChild(h('li', { class: 'hint', text: 'Belum ada email.' }));
    for (const m of mails.slice(-20).reverse()) {
      const details = h(
        'details',
        {},
        h(
          'summary',
          {},
          h('span', { class: 'mail-at', text: formatWib(m.at) }),
          ` → ${m.to}: `,
          h('strong', { text: m.subject }),
        ),
        h('pre', { class: 'mail-body', text: m.text }),
      );
      list.appendChild(h('li', {}, details));
    }
    const table = byId<HTMLTableElement>('calls');
    clear(table);
    const cols: [keyof CallsView, string][] = [
      ['name', 'Fungsi'],
      ['kind', 'Jenis'],
      ['total', 'Total'],
      ['roundTrips', 'Round trip'],
      ['cellsRead', 'Sel dibaca'],
      ['cellsWritten', 'Sel ditulis'],
      ['properties', 'Properti'],
      ['cache', 'Cache'],
      ['lock', 'Kunci'],
      ['urlFetch', 'UrlFetch'],
      ['mail', 'Email'],
    ];
    const head = h('tr');
    head.appendChild(h('th', { scope: 'col', text: 'Waktu' }));
    for (const [, label] of cols) head.appendChild(h('th', { scope: 'col', text: label }));
    table.appendChild(h('thead', {}, head));
    const body = h('tbody');
    const hideIdle = byId<HTMLInputElement>('hide-idle').checked;
    const shown = calls.filter((c) => !(hideIdle && isIdleTick(c))).slice(-15);
    for (const c of shown.reverse()) {
      const tr = h('tr', {}, h('td', { text: formatWib(c.startedAt, true) }));
      for (const [k] of cols)
        tr.appendChild(h('td', { class: typeof c[k] === 'number' ? 'num' : undefined, text: String(c[k]) }));
      body.appendChild(tr);
    }
    table.appendChild(body);
  } catch {
    // the next refresh tries again
  }
}

function init(): void {
  startHeader();
  onState((s) => {
    byId('big-clock').textContent = `${formatWib(s.now, true)} WIB`;
    byId('clock-mode').textContent =
      s.offsetMs === 0
        ? 'Jam emulator mengikuti jam sebenarnya.'
        : `Jam emulator digeser ${Math.round(s.offsetMs / 60000)} menit dari jam sebenarnya, dan terus berjalan.`;
    byId('hook-url').textContent = s.webhookUrl;
    byId('hook-verify').textContent = s.verifyToken;
    byId('hook-pnid').textContent = s.phoneNumberId;
    byId('hook-provider').textContent = s.provider === 'fonnte' ? 'Fonnte' : 'WhatsApp Cloud API';
    const input = byId<HTMLInputElement>('clock-input');
    if (!input.value) input.value = toLocalInput(Date.parse(s.now));
  });
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-advance]'))) {
    const n = Number(b.dataset.advance);
    b.addEventListener('click', () => void clock({ advanceMinutes: n }, `Jam dimajukan ${n} menit`));
  }
  byId('workday').addEventListener('click', async () => {
    const s = await refreshState();
    if (s) await clock({ set: new Date(nextWorkdayNine(Date.parse(s.now))).toISOString() }, 'Jam diatur');
  });
  byId('realtime').addEventListener(
    'click',
    () => void clock({ realTime: true }, 'Jam mengikuti jam sebenarnya'),
  );
  byId('set-clock').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = byId<HTMLInputElement>('clock-input').value;
    if (!v) return;
    void clock({ set: `${v}:00+07:00` }, 'Jam diatur');
  });
  byId('tick').addEventListener('click', async () => {
    try {
      const res = await postJson<{ ran: unknown }>('/_dev/tick', {});
      say('clock-status', `tick selesai: ${JSON.stringify(res.ran)}`);
    } catch (err) {
      say('clock-status', `tick gagal: ${(err as Error).message}`, true);
    }
    await loadLists();
  });
  byId('reset').addEventListener('click', async () => {
    if (!confirm('Hapus semua data playground dan mulai dari spreadsheet baru?')) return;
    say('data-status', 'Menyiapkan spreadsheet baru…');
    try {
      await postJson('/_dev/reset', {});
      say('data-status', 'Selesai: spreadsheet baru sudah disiapkan.');
    } catch (err) {
      say('data-status', `Gagal: ${(err as Error).message}`, true);
    }
    await refreshState();
    await loadLists();
  });
  byId('hide-idle').addEventListener('change', () => void loadLists());
  void loadLists();
  setInterval(() => void loadLists(), 5000);
}

init();
