import * as fs from 'fs';
import * as path from 'path';
import {
  CLOUD_LIMITS,
  buildCloudRequests,
  cloudApi,
  isPhoneAddress,
  parseCloudSendResponse,
} from '../../../src/channels/cloud-api';
import type { Choice, HttpRequest, Outbound, ProviderConfig } from '../../../src/channels/types';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'whatsapp');
type Obj = { [k: string]: unknown };
const fixture = (name: string): Obj => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Obj;

const cfg: ProviderConfig = { graphVersion: 'v25.0', phoneNumberId: '106540352242922', token: 'T' };

interface Row {
  id: string;
  title: string;
  description?: string;
}
interface Body {
  messaging_product: string;
  recipient_type?: string;
  to?: string;
  recipient?: string;
  type?: string;
  context?: { message_id: string };
  text?: { body: string };
  interactive?: {
    type: string;
    header?: { type: string; text: string };
    body: { text: string };
    footer?: { text: string };
    action: {
      button?: string;
      buttons?: { type: string; reply: { id: string; title: string } }[];
      sections?: { title: string; rows: Row[] }[];
    };
  };
  template?: Obj;
}
const body = (r: HttpRequest): Body => JSON.parse(r.payload) as Body;
const build = (out: Outbound): Body[] => buildCloudRequests(out, cfg).map(body);

function choices(n: number, title = (i: number) => 'Pilihan ' + i): Choice[] {
  const out: Choice[] = [];
  for (let i = 1; i <= n; i++) out.push({ id: 'c' + i, title: title(i) });
  return out;
}

const menu = (cs: Choice[], extra: Partial<Extract<Outbound, { kind: 'menu' }>> = {}): Body[] =>
  build({
    kind: 'menu',
    to: '6281234567890',
    text: 'Silakan pilih:',
    choices: cs,
    buttonLabel: 'Pilih',
    sectionTitle: 'Menu',
    ...extra,
  });

describe('cloud requests: envelope', () => {
  test('url, method, headers, content type', () => {
    const [r] = buildCloudRequests({ kind: 'text', to: '6281234567890', text: 'Halo' }, cfg);
    expect(r).toEqual({
      url: 'https://graph.facebook.com/v25.0/106540352242922/messages',
      method: 'post',
      headers: { Authorization: 'Bearer T' },
      contentType: 'application/json',
      payload: JSON.stringify({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '6281234567890',
        type: 'text',
        text: { body: 'Halo' },
      }),
      muteHttpExceptions: true,
    });
  });

  test('apiBase and a bare version number', () => {
    const [r] = buildCloudRequests(
      { kind: 'text', to: '1', text: 'x' },
      { ...cfg, graphVersion: '26.0', apiBase: 'http://localhost:8080/' },
    );
    expect(r.url).toBe('http://localhost:8080/v26.0/106540352242922/messages');
  });

  test('phone numbers go in `to` as given, user ids in `recipient`', () => {
    expect(isPhoneAddress('+62 812-3456-7890')).toBe(true);
    expect(isPhoneAddress('6281234567890')).toBe(true);
    expect(isPhoneAddress('US.13491208655302741918')).toBe(false);
    expect(isPhoneAddress('ID.ENT.1181579921')).toBe(false);
    const [a] = build({ kind: 'text', to: '+16505551234', text: 'x' });
    expect(a.to).toBe('+16505551234');
    expect(a.recipient).toBeUndefined();
    const [b] = build({ kind: 'text', to: 'US.13491208655302741918', text: 'x' });
    expect(b.recipient).toBe('US.13491208655302741918');
    expect(b.to).toBeUndefined();
    expect(b.recipient_type).toBe('individual');
  });

  test('provider object', () => {
    expect(cloudApi.name).toBe('cloud');
    expect(cloudApi.buildRequests({ kind: 'read', messageId: 'w' }, cfg)).toHaveLength(1);
  });
});

describe('cloud requests: text', () => {
  test('reply context', () => {
    const [b] = build({ kind: 'text', to: '1', text: 'x', replyToId: 'wamid.A' });
    expect(b.context).toEqual({ message_id: 'wamid.A' });
  });

  test('empty text sends nothing', () => {
    expect(build({ kind: 'text', to: '1', text: '' })).toEqual([]);
    expect(build({ kind: 'text', to: '1', text: ' \n ' })).toEqual([]);
  });

  test('exactly 4096 characters is one message', () => {
    expect(build({ kind: 'text', to: '1', text: 'a'.repeat(4096) })).toHaveLength(1);
  });

  test('a 5000-character text is split in two at a paragraph, nothing lost', () => {
    const para = (c: string, n: number) => (c + ' ').repeat(n).trim();
    const text = para('a', 1500) + '\n\n' + para('b', 1000);
    expect(text.length).toBeGreaterThanOrEqual(4999);
    const bodies = build({ kind: 'text', to: '1', text, replyToId: 'wamid.R' });
    expect(bodies).toHaveLength(2);
    const parts = bodies.map((b) => (b.text as { body: string }).body);
    expect(parts.join('')).toBe(text);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts[0].endsWith('\n\n')).toBe(true);
    expect(parts[1].startsWith('b')).toBe(true);
    expect(bodies[0].context).toEqual({ message_id: 'wamid.R' });
    expect(bodies[1].context).toBeUndefined();
  });

  test('without paragraphs the split falls on a space', () => {
    const text = 'kata '.repeat(1000);
    const parts = build({ kind: 'text', to: '1', text }).map((b) => b.text?.body ?? '');
    expect(parts).toHaveLength(2);
    expect(parts.join('')).toBe(text);
    expect(parts[0].endsWith(' ')).toBe(true);
  });

  test('one unbroken word is cut hard, never inside a surrogate pair', () => {
    const text = 'x'.repeat(4095) + '😀'.repeat(1000);
    const parts = build({ kind: 'text', to: '1', text }).map((b) => b.text?.body ?? '');
    expect(parts.join('')).toBe(text);
    expect(parts[0]).toBe('x'.repeat(4095));
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(/[\ud800-\udbff]$/.test(p)).toBe(false);
    }
  });

  test('a 20 000-character text is split into five parts in order', () => {
    const text = Array.from({ length: 2000 }, (_, i) => 'line ' + i + '.').join('\n');
    const parts = build({ kind: 'text', to: '1', text }).map((b) => b.text?.body ?? '');
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.every((p, i) => i === parts.length - 1 || p.endsWith('\n'))).toBe(true);
  });
});

describe('cloud requests: menus', () => {
  test('reply buttons: the published shape (text header instead of image)', () => {
    const expected = fixture('cloud-send-interactive-reply-buttons-request.json') as unknown as Body;
    const i = expected.interactive;
    if (!i) throw new Error('fixture');
    const [b] = build({
      kind: 'menu',
      to: '+16505551234',
      text: i.body.text,
      footer: i.footer?.text,
      header: 'Workshop',
      buttonLabel: 'unused',
      sectionTitle: 'unused',
      choices: (i.action.buttons ?? []).map((x) => ({ id: x.reply.id, title: x.reply.title })),
    });
    i.header = { type: 'text', text: 'Workshop' };
    expect(b).toEqual(expected);
  });

  test('list: the published shape (one section)', () => {
    const expected = fixture('cloud-send-interactive-list-request.json') as unknown as Body;
    const i = expected.interactive;
    if (!i || !i.action.sections) throw new Error('fixture');
    const rows = i.action.sections.flatMap((s) => s.rows);
    i.action.sections = [{ title: i.action.sections[0].title, rows }];
    const [b] = build({
      kind: 'menu',
      to: '+16505551234',
      text: i.body.text,
      header: i.header?.text,
      footer: i.footer?.text,
      buttonLabel: i.action.button ?? '',
      sectionTitle: i.action.sections[0].title,
      choices: rows,
    });
    expect(b).toEqual(expected);
  });

  test('3 choices → buttons, 4 → list, 10 → list, 11 → text', () => {
    expect(menu(choices(3))[0].interactive?.type).toBe('button');
    expect(menu(choices(4))[0].interactive?.type).toBe('list');
    const ten = menu(choices(10));
    expect(ten).toHaveLength(1);
    const list = ten[0].interactive;
    expect(list?.type).toBe('list');
    expect(list?.action.button).toBe('Pilih');
    expect(list?.action.sections).toHaveLength(1);
    expect(list?.action.sections?.[0].rows.map((r) => r.id)).toEqual(choices(10).map((c) => c.id));
    const eleven = menu(choices(11));
    expect(eleven).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '6281234567890',
        type: 'text',
        text: { body: 'Silakan pilih:' },
      },
    ]);
  });

  test('no choices → text', () => {
    expect(menu([])[0].type).toBe('text');
  });

  test('long button titles are truncated with … and stay unique', () => {
    const cs = choices(3, () => 'Konsultasi Koperasi dan UKM Kabupaten Bogor');
    const titles = (menu(cs)[0].interactive?.action.buttons ?? []).map((b) => b.reply.title);
    expect(titles).toHaveLength(3);
    expect(new Set(titles.map((t) => t.toLowerCase())).size).toBe(3);
    for (const t of titles) expect(t.length).toBeLessThanOrEqual(CLOUD_LIMITS.buttonTitle);
    expect(titles[0]).toBe('Konsultasi Koperasi…');
    expect(titles[1]).toBe('Konsultasi Kopera… 2');
  });

  test('duplicate short titles (case-insensitive) are made unique', () => {
    const cs = [
      { id: 'a', title: 'Ya' },
      { id: 'b', title: 'ya' },
      { id: 'c', title: 'YA' },
    ];
    const titles = (menu(cs)[0].interactive?.action.buttons ?? []).map((b) => b.reply.title);
    expect(titles).toEqual(['Ya', 'ya 2', 'YA 3']);
  });

  test('list rows: titles ≤ 24, descriptions ≤ 72, ids ≤ 200 and unique', () => {
    const cs: Choice[] = [];
    for (let i = 0; i < 10; i++) {
      cs.push({
        id: 'x'.repeat(300),
        title: 'Pelatihan dan pendampingan usaha mikro ' + i,
        description: 'd'.repeat(100),
      });
    }
    const rows = menu(cs, { sectionTitle: 'Topik konsultasi UKM dan koperasi' })[0].interactive?.action
      .sections?.[0].rows;
    if (!rows) throw new Error('no rows');
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.id)).size).toBe(10);
    expect(new Set(rows.map((r) => r.title)).size).toBe(10);
    for (const r of rows) {
      expect(r.id.length).toBeLessThanOrEqual(CLOUD_LIMITS.rowId);
      expect(r.title.length).toBeLessThanOrEqual(CLOUD_LIMITS.rowTitle);
      expect(r.title).toContain('…');
      expect(r.description?.length).toBe(CLOUD_LIMITS.rowDescription);
      expect(r.description?.endsWith('…')).toBe(true);
    }
    expect(rows[0].id).toBe('x'.repeat(200));
    expect(rows[1].id).toBe('x'.repeat(198) + '~2');
  });

  test('list button label, section title, header and footer are truncated', () => {
    const [b] = menu(choices(5), {
      buttonLabel: 'Lihat semua pilihan layanan',
      sectionTitle: 'Layanan Dinas Koperasi dan UKM',
      header: 'H'.repeat(80),
      footer: 'F'.repeat(80),
    });
    const i = b.interactive;
    expect(i?.action.button).toBe('Lihat semua pilihan…');
    expect(i?.action.button?.length).toBeLessThanOrEqual(20);
    expect(i?.action.sections?.[0].title.length).toBeLessThanOrEqual(24);
    expect(i?.header?.text.length).toBe(60);
    expect(i?.footer?.text.length).toBe(60);
  });

  test('empty section title falls back to the button label; no label → text', () => {
    expect(menu(choices(5), { sectionTitle: '' })[0].interactive?.action.sections?.[0].title).toBe('Pilih');
    expect(menu(choices(5), { buttonLabel: ' ' })[0].type).toBe('text');
  });

  test('empty titles and ids get positional stand-ins', () => {
    const rows = menu([
      { id: '', title: '' },
      { id: '', title: ' ' },
      { id: 'k', title: 'K' },
      { id: 'k', title: 'L' },
    ])[0].interactive?.action.sections?.[0].rows;
    expect(rows).toEqual([
      { id: '1', title: '1' },
      { id: '2', title: '2' },
      { id: 'k', title: 'K' },
      { id: 'k~2', title: 'L' },
    ]);
  });

  test('a body over 1024 with ≤ 3 choices becomes a list; over 4096 plain text', () => {
    const long = 'm'.repeat(2000);
    const [b] = menu(choices(2), { text: long });
    expect(b.interactive?.type).toBe('list');
    expect(b.interactive?.body.text).toBe(long);
    const huge = 'w '.repeat(2500);
    const t = menu(choices(2), { text: huge });
    expect(t).toHaveLength(2);
    expect(t.map((x) => x.text?.body).join('')).toBe(huge);
  });

  test('buttons with a body of exactly 1024 characters', () => {
    expect(menu(choices(3), { text: 'b'.repeat(1024) })[0].interactive?.type).toBe('button');
  });
});

describe('cloud requests: template and read', () => {
  test('template with parameters', () => {
    const [b] = build({
      kind: 'template',
      to: '6281234567890',
      name: 'siaran_topik',
      language: 'id',
      params: ['Budi', 'Izin usaha'],
    });
    expect(b).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '6281234567890',
      type: 'template',
      template: {
        name: 'siaran_topik',
        language: { code: 'id' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Budi' },
              { type: 'text', text: 'Izin usaha' },
            ],
          },
        ],
      },
    });
  });

  test('template without parameters has no components', () => {
    const [b] = build({
      kind: 'template',
      to: '1',
      name: 'hello_world',
      language: 'en_US',
      params: [],
    });
    expect(b.template).toEqual({ name: 'hello_world', language: { code: 'en_US' } });
  });

  test('mark as read equals the published request', () => {
    const expected = fixture('cloud-send-mark-as-read-request.json');
    const reqs = buildCloudRequests({ kind: 'read', messageId: String(expected.message_id) }, cfg);
    expect(reqs).toHaveLength(1);
    expect(reqs[0].url).toBe('https://graph.facebook.com/v25.0/106540352242922/messages');
    expect(JSON.parse(reqs[0].payload)).toEqual(expected);
  });

  test('typing indicator equals the published request', () => {
    const expected = fixture('cloud-send-typing-indicator-request.json');
    const [r] = buildCloudRequests(
      { kind: 'read', messageId: String(expected.message_id), typing: true },
      cfg,
    );
    expect(JSON.parse(r.payload)).toEqual(expected);
  });

  test('read without an id sends nothing', () => {
    expect(buildCloudRequests({ kind: 'read', messageId: '' }, cfg)).toEqual([]);
  });
});

describe('cloud send responses', () => {
  const err = (c: number, message = 'm', extra: Obj = {}) =>
    JSON.stringify({ error: { message, type: 'OAuthException', code: c, ...extra } });

  test('200 with a message id', () => {
    const bodyText = fs.readFileSync(path.join(FIXTURES, 'cloud-send-message-response.json'), 'utf8');
    expect(parseCloudSendResponse(200, bodyText)).toEqual({
      ok: true,
      messageId: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA',
      errorCode: 0,
      errorMessage: '',
      retryable: false,
    });
  });

  test('mark-as-read success', () => {
    expect(parseCloudSendResponse(200, '{"success":true}')).toMatchObject({ ok: true });
  });

  test('131047: outside the 24-hour window, not retryable', () => {
    const r = parseCloudSendResponse(
      400,
      err(131047, 'Re-engagement message', {
        error_data: { messaging_product: 'whatsapp', details: 'More than 24 hours have passed' },
      }),
    );
    expect(r).toEqual({
      ok: false,
      messageId: '',
      errorCode: 131047,
      errorMessage: 'Re-engagement message: More than 24 hours have passed',
      retryable: false,
    });
  });

  test('130429 throughput: retryable', () => {
    expect(parseCloudSendResponse(400, err(130429))).toMatchObject({
      ok: false,
      errorCode: 130429,
      retryable: true,
    });
  });

  test('other retryable and non-retryable codes', () => {
    for (const c of [1, 2, 4, 131000, 131056, 131016, 133004, 80007]) {
      expect(parseCloudSendResponse(400, err(c)).retryable).toBe(true);
    }
    for (const c of [100, 190, 131026, 131030, 131049, 131051, 131047, 131062]) {
      expect(parseCloudSendResponse(400, err(c)).retryable).toBe(false);
    }
  });

  test('HTTP 429 and 5xx are retryable whatever the body', () => {
    expect(parseCloudSendResponse(429, err(100))).toMatchObject({
      retryable: true,
      errorCode: 100,
    });
    expect(parseCloudSendResponse(429, 'Too Many Requests')).toMatchObject({
      ok: false,
      errorCode: 429,
      retryable: true,
    });
    expect(parseCloudSendResponse(500, '<html>oops</html>')).toMatchObject({
      ok: false,
      errorCode: 500,
      retryable: true,
    });
    expect(parseCloudSendResponse(503, '')).toMatchObject({ retryable: true });
  });

  test('network failure (status 0) is retryable', () => {
    expect(parseCloudSendResponse(0, '')).toMatchObject({ ok: false, retryable: true });
  });

  test('401/403 without a Graph error body are not retryable', () => {
    expect(parseCloudSendResponse(401, '')).toMatchObject({ ok: false, retryable: false });
  });

  test('200 without id is not ok and not retried', () => {
    expect(parseCloudSendResponse(200, '{}')).toMatchObject({ ok: false, retryable: false });
    expect(parseCloudSendResponse(200, 'not json')).toMatchObject({ ok: false, retryable: false });
  });
});
