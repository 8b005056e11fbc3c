import * as fs from 'fs';
import * as path from 'path';
import { parseCloudWebhook, cloudApi } from '../../../src/channels/cloud-api';
import type { InboundMessage } from '../../../src/channels/types';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'whatsapp');
const raw = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
type Obj = { [k: string]: unknown };
interface Value extends Obj {
  contacts: Obj[];
  messages: Obj[];
  statuses: Obj[];
}
interface Change extends Obj {
  field: string;
  value: Value;
}
interface Payload extends Obj {
  object: string;
  entry: (Obj & { changes: Change[] })[];
}
const json = (name: string): Payload => JSON.parse(raw(name)) as Payload;
const val = (p: Payload): Value => p.entry[0].changes[0].value;

function one(name: string): InboundMessage {
  const r = parseCloudWebhook(raw(name));
  expect(r.ok).toBe(true);
  expect(r.phoneNumberIds).toEqual(['106540352242922']);
  expect(r.messages).toHaveLength(1);
  expect(r.statuses).toHaveLength(0);
  expect(r.errors).toHaveLength(0);
  return r.messages[0];
}

const sheena = {
  provider: 'cloud',
  userKey: '16505551234',
  phone: '16505551234',
  userId: '',
  name: 'Sheena Nelson',
};

describe('cloud webhook: published message fixtures', () => {
  test('every fixture parses without throwing', () => {
    for (const f of fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.json'))) {
      expect(() => cloudApi.parseWebhook(raw(f), 'application/json')).not.toThrow();
    }
  });

  test('text', () => {
    expect(one('cloud-text.json')).toEqual({
      ...sheena,
      id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      timestamp: 1749416383000,
      type: 'text',
      rawType: 'text',
      text: 'Does it come in another color?',
      choiceId: '',
      caption: '',
      mediaId: '',
      mimeType: '',
      filename: '',
      replyToId: '',
      errors: [],
    });
  });

  test('interactive button_reply', () => {
    const m = one('cloud-interactive-button-reply.json');
    expect(m).toMatchObject({
      name: 'Pablo Morales',
      userKey: '16505551234',
      type: 'interactive',
      rawType: 'interactive',
      text: 'Change',
      choiceId: 'change-button',
      replyToId: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBJBM0Y4RUU0RUNFQkFDMjYzQUMA',
      timestamp: 1714510003000,
    });
  });

  test('interactive list_reply', () => {
    const m = one('cloud-interactive-list-reply.json');
    expect(m).toMatchObject({
      type: 'interactive',
      text: 'Priority Mail Express',
      choiceId: 'priority_express',
      replyToId: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBIwMjg0RkMxOEMyMkNEQUFFRDgA',
      id: 'wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQTZDMzFGRUFBQjlDMzIzMzlEQwA=',
    });
  });

  test('image with caption', () => {
    expect(one('cloud-image.json')).toMatchObject({
      ...sheena,
      type: 'image',
      rawType: 'image',
      text: 'Taj Mahal',
      caption: 'Taj Mahal',
      mediaId: '1003383421387256',
      mimeType: 'image/jpeg',
      filename: '',
      timestamp: 1744344496000,
    });
  });

  test('document with caption and filename', () => {
    expect(one('cloud-document.json')).toMatchObject({
      type: 'document',
      text: 'my receipt',
      caption: 'my receipt',
      filename: 'receipt.pdf',
      mimeType: 'application/pdf',
      mediaId: '622684793477189',
    });
  });

  test('voice note', () => {
    expect(one('cloud-audio-voice.json')).toMatchObject({
      type: 'audio',
      text: '',
      caption: '',
      mediaId: '1908647269898587',
      mimeType: 'audio/ogg; codecs=opus',
    });
  });

  test('sticker', () => {
    expect(one('cloud-sticker.json')).toMatchObject({
      type: 'sticker',
      text: '',
      mediaId: '1908647269898587',
      mimeType: 'image/webp',
    });
  });

  test('location', () => {
    const m = one('cloud-location.json');
    expect(m.type).toBe('location');
    expect(m.location).toEqual({
      latitude: 37.44221496582,
      longitude: -122.16165924072,
      name: 'Philz Coffee',
      address: '101 Forest Ave, Palo Alto, CA 94301',
    });
    expect(m.text).toBe('Philz Coffee, 101 Forest Ave, Palo Alto, CA 94301');
  });

  test('reaction: emoji as text, reacted message as replyToId', () => {
    expect(one('cloud-reaction.json')).toMatchObject({
      type: 'reaction',
      text: '👍',
      replyToId: 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=',
      timestamp: 1749419544000,
    });
  });

  test('reaction removed (no emoji)', () => {
    const p = json('cloud-reaction.json');
    delete (val(p).messages[0].reaction as Obj).emoji;
    const m = parseCloudWebhook(JSON.stringify(p)).messages[0];
    expect(m.text).toBe('');
    expect(m.replyToId).toMatch(/^wamid\./);
  });

  test('unsupported carries error 131051', () => {
    const m = one('cloud-unsupported.json');
    expect(m.type).toBe('unsupported');
    expect(m.rawType).toBe('unsupported');
    expect(m.errors).toEqual([
      { code: 131051, title: 'Message type unknown', message: 'Message type unknown' },
    ]);
  });
});

describe('cloud webhook: statuses and system errors', () => {
  test('sent', () => {
    const r = parseCloudWebhook(raw('cloud-status-sent.json'));
    expect(r.ok).toBe(true);
    expect(r.messages).toEqual([]);
    expect(r.statuses).toEqual([
      {
        id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
        status: 'sent',
        recipient: '16505551234',
        recipientUserId: '',
        timestamp: 1750030073000,
        errors: [],
      },
    ]);
  });

  test('delivered', () => {
    const s = parseCloudWebhook(raw('cloud-status-delivered.json')).statuses[0];
    expect(s).toMatchObject({ status: 'delivered', timestamp: 1750263773000 });
  });

  test('read (other business number)', () => {
    const r = parseCloudWebhook(raw('cloud-status-read.json'));
    expect(r.phoneNumberIds).toEqual(['409552778964973']);
    expect(r.statuses[0]).toMatchObject({ status: 'read', recipient: '1111111111111' });
  });

  test('failed with 131049', () => {
    const s = parseCloudWebhook(raw('cloud-status-failed.json')).statuses[0];
    expect(s.status).toBe('failed');
    expect(s.errors).toEqual([
      {
        code: 131049,
        title: 'This message was not delivered to maintain healthy ecosystem engagement.',
        message: 'This message was not delivered to maintain healthy ecosystem engagement.',
      },
    ]);
  });

  test('system-level errors (130429)', () => {
    const r = parseCloudWebhook(raw('cloud-errors-system-level.json'));
    expect(r.ok).toBe(true);
    expect(r.messages).toEqual([]);
    expect(r.statuses).toEqual([]);
    expect(r.errors).toEqual([{ code: 130429, title: 'Rate limit hit', message: 'Rate limit hit' }]);
  });
});

describe('cloud webhook: batches', () => {
  test('several entries × changes × messages/statuses in one POST', () => {
    const text = json('cloud-text.json');
    const image = json('cloud-image.json');
    const sent = json('cloud-status-sent.json');
    const read = json('cloud-status-read.json');
    const errors = json('cloud-errors-system-level.json');
    const m2 = { ...val(text).messages[0], id: 'wamid.second' };
    val(text).messages.push(m2);
    const batch = {
      object: 'whatsapp_business_account',
      entry: [
        { id: '1', changes: [text.entry[0].changes[0], sent.entry[0].changes[0]] },
        { id: '2', changes: [image.entry[0].changes[0], read.entry[0].changes[0]] },
        errors.entry[0],
      ],
    };
    const r = parseCloudWebhook(JSON.stringify(batch));
    expect(r.ok).toBe(true);
    expect(r.messages.map((m) => m.type)).toEqual(['text', 'text', 'image']);
    expect(r.messages[1].id).toBe('wamid.second');
    expect(r.statuses.map((s) => s.status)).toEqual(['sent', 'read']);
    expect(r.errors.map((e) => e.code)).toEqual([130429]);
    expect(r.phoneNumberIds).toEqual(['106540352242922', '409552778964973']);
  });

  test('a message is matched to its own contact by wa_id', () => {
    const p = json('cloud-text.json');
    const v = val(p);
    v.contacts.push({ profile: { name: 'Budi' }, wa_id: '6281234567890' });
    v.messages.push({ ...v.messages[0], from: '6281234567890', id: 'wamid.budi' });
    const r = parseCloudWebhook(JSON.stringify(p));
    expect(r.messages.map((m) => [m.userKey, m.name])).toEqual([
      ['16505551234', 'Sheena Nelson'],
      ['6281234567890', 'Budi'],
    ]);
  });

  test('1000 messages in one POST (about 1 MB)', () => {
    const p = json('cloud-text.json');
    const v = val(p);
    const base = v.messages[0];
    v.messages = [];
    for (let i = 0; i < 1000; i++) {
      v.messages.push({ ...base, id: 'wamid.' + i, text: { body: 'x'.repeat(900) + i } });
    }
    const body = JSON.stringify(p);
    expect(body.length).toBeGreaterThan(1000000);
    const r = parseCloudWebhook(body);
    expect(r.ok).toBe(true);
    expect(r.messages).toHaveLength(1000);
    expect(r.messages[999].text.endsWith('999')).toBe(true);
  });

  test('a 1 MB body that is not JSON', () => {
    const r = parseCloudWebhook('{"object":"whatsapp_business_account",' + 'x'.repeat(1 << 20));
    expect(r).toMatchObject({ ok: false, reason: 'malformed JSON', messages: [] });
  });
});

describe('cloud webhook: other types, extra and missing fields', () => {
  function withMessage(msg: Record<string, unknown>): InboundMessage {
    const p = json('cloud-text.json');
    val(p).messages = [msg];
    const r = parseCloudWebhook(JSON.stringify(p));
    expect(r.messages).toHaveLength(1);
    return r.messages[0];
  }
  const head = { from: '16505551234', id: 'wamid.x', timestamp: '1749416383' };

  test('video', () => {
    const m = withMessage({
      ...head,
      type: 'video',
      video: { caption: 'demo', mime_type: 'video/mp4', id: '42', sha256: 'abc' },
    });
    expect(m).toMatchObject({ type: 'video', text: 'demo', mediaId: '42', mimeType: 'video/mp4' });
  });

  test('contacts', () => {
    const m = withMessage({
      ...head,
      type: 'contacts',
      contacts: [
        { name: { formatted_name: 'Ani', first_name: 'Ani' }, phones: [{ phone: '+62 812-1' }] },
        { name: { first_name: 'Budi', last_name: 'S' } },
      ],
    });
    expect(m.type).toBe('contacts');
    expect(m.text).toBe('Ani (+62 812-1); Budi S');
  });

  test('template quick-reply button', () => {
    const m = withMessage({
      ...head,
      context: { from: '15550783881', id: 'wamid.tpl' },
      type: 'button',
      button: { payload: 'STOP_PROMO', text: 'Berhenti' },
    });
    expect(m).toMatchObject({
      type: 'button',
      text: 'Berhenti',
      choiceId: 'STOP_PROMO',
      replyToId: 'wamid.tpl',
    });
  });

  test('older "unknown" type maps to unsupported', () => {
    const m = withMessage({ ...head, type: 'unknown', errors: [{ code: 131051, title: 't' }] });
    expect(m.type).toBe('unsupported');
    expect(m.rawType).toBe('unknown');
    expect(m.errors).toEqual([{ code: 131051, title: 't', message: 't' }]);
  });

  test('any other type → other with rawType kept', () => {
    const m = withMessage({ ...head, type: 'order', order: { catalog_id: '1', text: 'pls' } });
    expect(m).toMatchObject({ type: 'other', rawType: 'order', text: 'pls' });
    const weird = withMessage({ ...head, type: 'constructor' });
    expect(weird).toMatchObject({ type: 'other', rawType: 'constructor', text: '' });
    const none = withMessage({ ...head });
    expect(none).toMatchObject({ type: 'other', rawType: '' });
  });

  test('extra fields are ignored', () => {
    const p = json('cloud-text.json');
    p.extra = { a: 1 };
    p.entry[0].extra = [1, 2];
    val(p).brand_new = true;
    val(p).messages[0].referral = { source_url: 'https://x' };
    (val(p).messages[0].text as Obj).extra = 'y';
    const r = parseCloudWebhook(JSON.stringify(p));
    expect(r.messages[0].text).toBe('Does it come in another color?');
  });

  test('missing optional fields: no contacts, no timestamp, no metadata', () => {
    const p = json('cloud-text.json');
    const v = val(p);
    delete (v as Obj).contacts;
    delete v.metadata;
    delete v.messages[0].timestamp;
    const r = parseCloudWebhook(JSON.stringify(p));
    expect(r.ok).toBe(true);
    expect(r.phoneNumberIds).toEqual([]);
    expect(r.messages[0]).toMatchObject({ name: '', timestamp: 0, userKey: '16505551234' });
  });

  test('text without body, location without coordinates', () => {
    expect(withMessage({ ...head, type: 'text' }).text).toBe('');
    const loc = withMessage({ ...head, type: 'location', location: {} });
    expect(loc.location).toBeUndefined();
    expect(loc.text).toBe('');
  });

  test('a message without any sender is skipped; one without id gets a stable stand-in', () => {
    const p = json('cloud-text.json');
    const v = val(p);
    delete (v as Obj).contacts;
    const noSender = { ...v.messages[0] };
    delete noSender.from;
    const noId = { ...v.messages[0] };
    delete noId.id;
    v.messages = [noSender, noId, 'junk', null] as unknown as Obj[];
    const a = parseCloudWebhook(JSON.stringify(p));
    const b = parseCloudWebhook(JSON.stringify(p));
    expect(a.messages).toHaveLength(1);
    expect(a.messages[0].id).not.toBe('');
    expect(a.messages[0].id).toBe(b.messages[0].id);
    expect(a.messages[0].id.length).toBeLessThanOrEqual(200);
  });

  test('other change fields are ignored', () => {
    const p = json('cloud-text.json');
    p.entry[0].changes[0].field = 'message_template_status_update';
    const r = parseCloudWebhook(JSON.stringify(p));
    expect(r.ok).toBe(true);
    expect(r.messages).toEqual([]);
  });
});

describe('cloud webhook: usernames (business-scoped user ids)', () => {
  test('from_user_id present, wa_id empty, from absent → keyed by user id', () => {
    const p = json('cloud-text.json');
    const v = val(p);
    v.contacts = [{ profile: { name: 'Sari', username: '@sari' }, wa_id: '', user_id: 'ID.7a1b' }];
    delete v.messages[0].from;
    v.messages[0].from_user_id = 'ID.7a1b';
    const m = parseCloudWebhook(JSON.stringify(p)).messages[0];
    expect(m).toMatchObject({ userKey: 'ID.7a1b', userId: 'ID.7a1b', phone: '', name: 'Sari' });
  });

  test('both phone and user id: keyed by user id, phone kept', () => {
    const p = json('cloud-text.json');
    const v = val(p);
    v.contacts[0].user_id = 'US.13491208655302741918';
    v.messages[0].from_user_id = 'US.13491208655302741918';
    const m = parseCloudWebhook(JSON.stringify(p)).messages[0];
    expect(m).toMatchObject({
      userKey: 'US.13491208655302741918',
      userId: 'US.13491208655302741918',
      phone: '16505551234',
      name: 'Sheena Nelson',
    });
  });

  test('user id only on the contact', () => {
    const p = json('cloud-text.json');
    val(p).contacts[0].user_id = 'US.1';
    const m = parseCloudWebhook(JSON.stringify(p)).messages[0];
    expect(m.userKey).toBe('US.1');
    expect(m.phone).toBe('16505551234');
  });

  test('status with recipient_user_id and no recipient_id', () => {
    const p = json('cloud-status-delivered.json');
    const s0 = val(p).statuses[0];
    delete s0.recipient_id;
    s0.recipient_user_id = 'ID.7a1b';
    const s = parseCloudWebhook(JSON.stringify(p)).statuses[0];
    expect(s).toMatchObject({ recipient: '', recipientUserId: 'ID.7a1b', status: 'delivered' });
  });
});

describe('cloud webhook: unrecognisable bodies never throw', () => {
  const cases: [string, string][] = [
    ['', 'empty body'],
    ['   \n', 'empty body'],
    ['{', 'malformed JSON'],
    ['object=whatsapp', 'malformed JSON'],
    ['null', 'not a JSON object'],
    ['[1,2]', 'not a JSON object'],
    ['"text"', 'not a JSON object'],
    ['{"object":"page","entry":[]}', 'unexpected object: page'],
    ['{"entry":[]}', 'unexpected object: (none)'],
    ['{"object":"whatsapp_business_account"}', 'no entry array'],
    ['{"object":"whatsapp_business_account","entry":{}}', 'no entry array'],
  ];
  test.each(cases)('%j → ok false (%s)', (body, reason) => {
    const r = parseCloudWebhook(body);
    expect(r).toEqual({
      ok: false,
      reason,
      phoneNumberIds: [],
      messages: [],
      statuses: [],
      errors: [],
    });
  });

  test('odd shapes inside a valid envelope give partial results', () => {
    const bodies = [
      { object: 'whatsapp_business_account', entry: [] },
      { object: 'whatsapp_business_account', entry: [null, 1, 'x', {}] },
      { object: 'whatsapp_business_account', entry: [{ changes: [null, { value: 3 }] }] },
      {
        object: 'whatsapp_business_account',
        entry: [{ changes: [{ field: 'messages', value: { messages: {}, statuses: [1] } }] }],
      },
      {
        object: 'whatsapp_business_account',
        entry: [{ changes: [{ field: 'messages', value: { statuses: [{ status: 'read' }] } }] }],
      },
    ];
    for (const b of bodies) {
      const r = parseCloudWebhook(JSON.stringify(b));
      expect(r.ok).toBe(true);
      expect(r.messages).toEqual([]);
      expect(r.statuses).toEqual([]);
    }
  });

  test('non-string input does not throw', () => {
    expect(parseCloudWebhook(undefined as unknown as string).ok).toBe(false);
  });
});
