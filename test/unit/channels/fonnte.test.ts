import {
  buildFonnteRequests,
  decodeFormComponent,
  encodeForm,
  fonnte,
  fonnteMessageId,
  isTransientReason,
  parseFonnteSendResponse,
  parseFonnteWebhook,
  parseForm,
} from '../../../src/channels/fonnte';
import type { InboundMessage, ProviderConfig } from '../../../src/channels/types';

const cfg: ProviderConfig = { graphVersion: '', phoneNumberId: '', token: 'FonnteToken+1' };

const sample = {
  device: '6281100000000',
  sender: '6281234567890',
  message: 'Halo, saya mau konsultasi',
  text: '',
  member: '',
  name: 'Budi Santoso',
  location: '',
  pollname: '',
  choices: '',
  timestamp: 1749416383,
  inboxid: 12345,
};

function one(body: string, contentType = 'application/json'): InboundMessage {
  const r = fonnte.parseWebhook(body, contentType);
  expect(r.ok).toBe(true);
  expect(r.messages).toHaveLength(1);
  return r.messages[0];
}

describe('fonnte webhook: JSON', () => {
  test('a text message', () => {
    const r = parseFonnteWebhook(JSON.stringify(sample));
    expect(r.ok).toBe(true);
    expect(r.phoneNumberIds).toEqual(['6281100000000']);
    expect(r.statuses).toEqual([]);
    expect(r.errors).toEqual([]);
    const m = r.messages[0];
    expect(m).toEqual({
      provider: 'fonnte',
      id: m.id,
      userKey: '6281234567890',
      phone: '6281234567890',
      userId: '',
      name: 'Budi Santoso',
      timestamp: 1749416383000,
      type: 'text',
      rawType: 'text',
      text: 'Halo, saya mau konsultasi',
      choiceId: '',
      caption: '',
      mediaId: '',
      mimeType: '',
      filename: '',
      replyToId: '',
      errors: [],
    });
    expect(m.id.startsWith('fonnte:6281234567890:1749416383:')).toBe(true);
  });

  test('timestamp as a string of seconds, or in ms', () => {
    expect(one(JSON.stringify({ ...sample, timestamp: '1749416383' })).timestamp).toBe(1749416383000);
    expect(one(JSON.stringify({ ...sample, timestamp: 1749416383123 })).timestamp).toBe(1749416383123);
  });

  test('missing fields: only a sender', () => {
    const m = one(JSON.stringify({ sender: '6281234567890' }));
    expect(m).toMatchObject({
      userKey: '6281234567890',
      name: '',
      timestamp: 0,
      text: '',
      type: 'other',
    });
    expect(m.id).toContain(':0:');
  });

  test('missing timestamp → 0, id still stable', () => {
    const body = JSON.stringify({ sender: '6281234567890', message: '1' });
    const a = one(body);
    const b = one(body);
    expect(a.timestamp).toBe(0);
    expect(a.id).toBe(b.id);
  });

  test('sender with + and a WhatsApp suffix is reduced to digits', () => {
    const m = one(JSON.stringify({ ...sample, sender: '+62 812-3456-7890@s.whatsapp.net' }));
    expect(m.userKey).toBe('6281234567890');
    expect(m.phone).toBe('6281234567890');
  });

  test('button reply (text only)', () => {
    const m = one(JSON.stringify({ ...sample, message: '', text: 'Konsultasi' }));
    expect(m).toMatchObject({ type: 'button', rawType: 'button', text: 'Konsultasi' });
  });

  test('location', () => {
    const m = one(JSON.stringify({ ...sample, message: '', location: '-6.595038,106.816635' }));
    expect(m.type).toBe('location');
    expect(m.location).toEqual({ latitude: -6.595038, longitude: 106.816635 });
    expect(m.text).toBe('-6.595038,106.816635');
    const bad = one(JSON.stringify({ ...sample, message: 'x', location: 'here' }));
    expect(bad.type).toBe('text');
    expect(bad.location).toBeUndefined();
  });

  test('poll answer', () => {
    const m = one(JSON.stringify({ ...sample, message: '', pollname: 'Menu', choices: ['UKM'] }));
    expect(m).toMatchObject({ type: 'interactive', rawType: 'poll', text: 'UKM', choiceId: 'UKM' });
  });

  test('attachments: type from extension, url as media id, message as caption', () => {
    const att = (extension: string) =>
      one(
        JSON.stringify({
          ...sample,
          message: 'foto produk',
          url: 'https://md.fonnte.com/files/abc.' + extension,
          filename: 'abc.' + extension,
          extension,
        }),
      );
    expect(att('jpg')).toMatchObject({
      type: 'image',
      rawType: 'jpg',
      mediaId: 'https://md.fonnte.com/files/abc.jpg',
      caption: 'foto produk',
      text: 'foto produk',
      filename: 'abc.jpg',
    });
    expect(att('MP4').type).toBe('video');
    expect(att('ogg').type).toBe('audio');
    expect(att('pdf').type).toBe('document');
    expect(att('xlsx').type).toBe('document');
  });

  test('attachment without extension: taken from the filename, else document', () => {
    const m = one(JSON.stringify({ ...sample, url: 'https://x/y', filename: 'suara.opus' }));
    expect(m.type).toBe('audio');
    const d = one(JSON.stringify({ ...sample, url: 'https://x/y' }));
    expect(d).toMatchObject({ type: 'document', rawType: 'file' });
  });

  test('group message: userKey is the group, phone the member', () => {
    const m = one(JSON.stringify({ ...sample, sender: '120363025000000000@g.us', member: '6281299999999' }));
    expect(m.userKey).toBe('120363025000000000@g.us');
    expect(m.phone).toBe('6281299999999');
  });

  test('extra fields are ignored; non-string values tolerated', () => {
    const m = one(JSON.stringify({ ...sample, extra: { a: 1 }, isgroup: false, name: null }));
    expect(m.name).toBe('');
    expect(m.text).toBe(sample.message);
  });
});

describe('fonnte webhook: form-encoded', () => {
  test('decodes + and UTF-8 %xx', () => {
    const body =
      'device=6281100000000&sender=6281234567890' +
      '&message=Halo+kak%2C+mau+tanya+%F0%9F%98%80+caf%C3%A9' +
      '&name=Siti+N%C3%BCr&timestamp=1749416383';
    const m = one(body, 'application/x-www-form-urlencoded');
    expect(m).toMatchObject({
      userKey: '6281234567890',
      name: 'Siti Nür',
      text: 'Halo kak, mau tanya 😀 café',
      timestamp: 1749416383000,
    });
  });

  test('the same message as JSON and as a form gives the same id', () => {
    const form = encodeForm({
      sender: '6281234567890',
      message: 'a+b = c & d',
      timestamp: '1749416383',
    });
    const json = JSON.stringify({
      sender: '6281234567890',
      message: 'a+b = c & d',
      timestamp: 1749416383,
    });
    expect(one(form, '').id).toBe(one(json, '').id);
    expect(one(form, '').text).toBe('a+b = c & d');
  });

  test('malformed escapes are kept as sent', () => {
    expect(decodeFormComponent('100%+sure%E2%82')).toBe('100% sure%E2%82');
    expect(decodeFormComponent('%E2%82%AC+%ZZ')).toBe('€ %ZZ');
    expect(parseForm('a=1&&b&=x&a=2&c=%3D')).toEqual({ a: '1', b: '', c: '=' });
  });
});

describe('fonnte webhook: synthetic id', () => {
  const base = { sender: '6281234567890', message: 'halo', timestamp: '1749416383' };
  test('stable for the same input', () => {
    expect(fonnteMessageId(base)).toBe(fonnteMessageId({ ...base }));
  });
  test('different for a different sender, time or text', () => {
    const ids = new Set([
      fonnteMessageId(base),
      fonnteMessageId({ ...base, sender: '6281234567891' }),
      fonnteMessageId({ ...base, timestamp: '1749416384' }),
      fonnteMessageId({ ...base, message: 'halo!' }),
      fonnteMessageId({ ...base, message: '' }),
      fonnteMessageId({ ...base, message: '', text: 'halo' }),
      fonnteMessageId({ ...base, location: '1,2' }),
    ]);
    expect(ids.size).toBe(7);
  });
  test('long texts differing only after 40 characters still differ', () => {
    const long = 'x'.repeat(500);
    expect(fonnteMessageId({ ...base, message: long + 'a' })).not.toBe(
      fonnteMessageId({ ...base, message: long + 'b' }),
    );
  });
  test('bounded length', () => {
    const id = fonnteMessageId({
      sender: '9'.repeat(500),
      message: 'y'.repeat(100000),
      timestamp: '1'.repeat(100),
    });
    expect(id.length).toBeLessThanOrEqual(200);
  });
});

describe('fonnte webhook: status updates and bad bodies', () => {
  test('status webhook (id + state, no sender)', () => {
    const r = parseFonnteWebhook(
      JSON.stringify({ device: '6281100000000', id: 80367170, stateid: 'abc', state: 'read' }),
    );
    expect(r.ok).toBe(true);
    expect(r.messages).toEqual([]);
    expect(r.statuses).toEqual([
      {
        id: '80367170',
        status: 'read',
        recipient: '',
        recipientUserId: '',
        timestamp: 0,
        errors: [],
      },
    ]);
  });

  const bad: [string, string][] = [
    ['', 'empty body'],
    ['   ', 'empty body'],
    ['{"sender":', 'unreadable body'],
    ['[1]', 'unreadable body'],
    ['hello', 'unreadable body'],
    ['{"device":"62811"}', 'no sender'],
    ['message=hi', 'no sender'],
    ['{"sender":"  "}', 'no sender'],
  ];
  test.each(bad)('%j → ok false (%s)', (body, reason) => {
    expect(parseFonnteWebhook(body)).toEqual({
      ok: false,
      reason,
      phoneNumberIds: [],
      messages: [],
      statuses: [],
      errors: [],
    });
  });

  test('a 1 MB message is parsed', () => {
    const message = 'a'.repeat(1 << 20);
    const m = one(JSON.stringify({ sender: '628123', message }));
    expect(m.text.length).toBe(1 << 20);
    expect(m.id.length).toBeLessThanOrEqual(200);
  });

  test('non-string input does not throw', () => {
    expect(parseFonnteWebhook(null as unknown as string).ok).toBe(false);
  });
});

describe('fonnte requests', () => {
  const form = (payload: string) => parseForm(payload);

  test('text', () => {
    const reqs = buildFonnteRequests(
      { kind: 'text', to: '+62 812-3456-7890', text: 'Halo & selamat datang 😀' },
      cfg,
    );
    expect(reqs).toHaveLength(1);
    expect(reqs[0]).toMatchObject({
      url: 'https://api.fonnte.com/send',
      method: 'post',
      headers: { Authorization: 'FonnteToken+1' },
      contentType: 'application/x-www-form-urlencoded',
      muteHttpExceptions: true,
    });
    expect(form(reqs[0].payload)).toEqual({
      target: '6281234567890',
      message: 'Halo & selamat datang 😀',
      countryCode: '62',
    });
  });

  test('local numbers and group ids are kept', () => {
    const t = (to: string) =>
      form(buildFonnteRequests({ kind: 'text', to, text: 'x' }, cfg)[0].payload).target;
    expect(t('081234567890')).toBe('081234567890');
    expect(t('120363025000000000@g.us')).toBe('120363025000000000@g.us');
  });

  test('apiBase', () => {
    const [r] = buildFonnteRequests(
      { kind: 'text', to: '1', text: 'x' },
      { ...cfg, apiBase: 'http://localhost:9/' },
    );
    expect(r.url).toBe('http://localhost:9/send');
  });

  test('menu → its numbered text only, nothing appended', () => {
    const text = 'Pilih layanan:\n1. Konsultasi\n2. Pengaduan';
    const reqs = buildFonnteRequests(
      {
        kind: 'menu',
        to: '6281234567890',
        text,
        choices: [
          { id: 'k', title: 'Konsultasi' },
          { id: 'p', title: 'Pengaduan' },
        ],
        buttonLabel: 'Pilih',
        sectionTitle: 'Menu',
        header: 'HALO',
        footer: 'kaki',
      },
      cfg,
    );
    expect(reqs).toHaveLength(1);
    expect(form(reqs[0].payload).message).toBe(text);
  });

  test('template → the parameters as plain text', () => {
    const [r] = buildFonnteRequests(
      { kind: 'template', to: '1', name: 'siaran', language: 'id', params: ['Topik', 'Isi'] },
      cfg,
    );
    expect(form(r.payload).message).toBe('Topik\nIsi');
    expect(
      buildFonnteRequests({ kind: 'template', to: '1', name: 's', language: 'id', params: [] }, cfg),
    ).toEqual([]);
  });

  test('read is not supported; empty text sends nothing', () => {
    expect(buildFonnteRequests({ kind: 'read', messageId: 'x', typing: true }, cfg)).toEqual([]);
    expect(buildFonnteRequests({ kind: 'text', to: '1', text: '' }, cfg)).toEqual([]);
  });

  test('a very long text is split without losing characters', () => {
    const text = 'baris\n'.repeat(15000);
    const reqs = buildFonnteRequests({ kind: 'text', to: '1', text }, cfg);
    expect(reqs.length).toBe(2);
    expect(reqs.map((r) => form(r.payload).message).join('')).toBe(text);
  });
});

describe('fonnte send responses', () => {
  test('status true with ids', () => {
    const body = JSON.stringify({
      detail: 'success! message in queue',
      id: ['80367170'],
      process: 'pending',
      requestid: 2937124,
      status: true,
      target: ['6282227097005'],
    });
    expect(parseFonnteSendResponse(200, body)).toEqual({
      ok: true,
      messageId: '80367170',
      errorCode: 0,
      errorMessage: '',
      retryable: false,
    });
    expect(parseFonnteSendResponse(200, '{"status":true,"id":[80367171]}').messageId).toBe('80367171');
    expect(parseFonnteSendResponse(200, '{"status":true}')).toMatchObject({ ok: true });
  });

  test('status false', () => {
    expect(parseFonnteSendResponse(200, '{"reason":"token invalid","status":false}')).toEqual({
      ok: false,
      messageId: '',
      errorCode: 0,
      errorMessage: 'token invalid',
      retryable: false,
    });
    expect(parseFonnteSendResponse(200, '{"reason":"insufficient quota","status":false}').retryable).toBe(
      false,
    );
    expect(parseFonnteSendResponse(200, '{"reason":"rate limit","status":false}').retryable).toBe(true);
  });

  test('reason classification', () => {
    expect(isTransientReason('device disconnected')).toBe(true);
    expect(isTransientReason('please try again in 10 seconds')).toBe(true);
    expect(isTransientReason('Too many requests')).toBe(true);
    expect(isTransientReason('quota limit exceeded')).toBe(false);
    expect(isTransientReason('package expired')).toBe(false);
    expect(isTransientReason('invalid target')).toBe(false);
    expect(isTransientReason('something else')).toBe(false);
  });

  test('HTTP errors, network and garbage', () => {
    expect(parseFonnteSendResponse(0, '')).toMatchObject({ ok: false, retryable: true });
    expect(parseFonnteSendResponse(500, 'x')).toMatchObject({
      ok: false,
      errorCode: 500,
      retryable: true,
    });
    expect(parseFonnteSendResponse(429, '')).toMatchObject({ retryable: true });
    expect(parseFonnteSendResponse(401, '')).toMatchObject({ ok: false, retryable: false });
    expect(parseFonnteSendResponse(200, '<html>')).toMatchObject({ ok: false, retryable: false });
  });
});
