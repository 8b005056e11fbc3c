// DESIGN §7 on the built bundle: the web app exposes no data whatever the parameters; secrets never
// reach a sheet, a log line or an email; a citizen's number never leaves the conversation view —
// reports, emails, Log Sistem and the inbox list show it masked or not at all.
import type { LocalApp } from '../../dev/runtime/local-app';
import type { SpreadsheetModel } from '../../dev/emulator/index';
import { cloudText } from '../../dev/runtime/whatsapp';
import { SECRET } from '../../src/store/settings';
import { createApp, postJson } from '../support/app';

const SECRETS = {
  provider: 'cloud' as const,
  webhookKey: 'whk7Q2xSECRETwebhookKey9a8b7c6d5e4f',
  verifyToken: 'vtSECRETverifyToken31337',
  phoneNumberId: '109876543210987',
  token: 'EAAGSECRETaccessTokenZZ11yy22xx33ww44',
};
const FONNTE_TOKEN = 'fonnteSECRETtoken778899';
const ANI = '6285711223344';
const ANI_ANY_FORM = /(62|0|\+62\s?)?8\s?5\s?7[\s-]?1\s?1\s?2\s?2[\s-]?3\s?3\s?4\s?4/;
const WORDS = 'Koperasi kami kesulitan modal kerja tahun ini';

/** A citizen's messages, delivered through the webhook with the key configured now. */
function say(app: LocalApp, phone: string, name: string, ...texts: string[]): void {
  const key = app.emu.scriptProperties.get(SECRET.webhookKey) ?? '';
  const phoneNumberId = app.emu.scriptProperties.get(SECRET.phoneNumberId) ?? '';
  for (const text of texts) {
    const res = postJson(app, cloudText({ phone, name }, text, app.now(), { phoneNumberId }), { key });
    expect(JSON.parse(res.body)).toEqual({ ok: true });
  }
}

/** A week of use: Ani consults on Wednesday, an officer answers, she rates; Budi complains. */
function lastWeek(app: LocalApp): { session: string } {
  app.setNow('2026-11-18T10:00:00+07:00');
  say(app, ANI, 'Ani', 'halo', '1', '1', '2', WORDS);
  const session = String(app.records('Sesi').find((r) => r.Nomor === ANI)!.ID);
  app.api('session.reply', { sessionId: session, text: 'Baik Bu, kami bantu.' });
  say(app, ANI, 'Ani', 'selesai', '4');
  say(app, '6289876543210', 'Budi', 'halo', '2', '2', '1', 'Izin usaha saya belum terbit.');
  app.advanceMinutes(40);
  app.tick();
  return { session };
}

function everyCell(app: LocalApp): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const ss of app.emu.spreadsheets.values() as Iterable<SpreadsheetModel>) {
    for (const sheet of ss.sheets) {
      sheet.getValues().forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== '' && v !== null)
            out.push({ where: `${ss.name}!${sheet.name}!R${r + 1}C${c + 1}`, text: String(v) });
        }),
      );
    }
  }
  return out;
}

describe('the web app exposes no data', () => {
  it('answers every combination of parameters with a handshake, a health text or a tiny JSON', () => {
    const app = createApp();
    app.configure(SECRETS);
    const { session } = lastWeek(app);
    const markers = [
      ANI_ANY_FORM,
      new RegExp(session),
      /HK-\d{4}-\d{4}/,
      new RegExp(WORDS),
      /Ani|Budi/,
      /diskopukm\.example/,
      /62811111111/,
      new RegExp(SECRETS.webhookKey),
      new RegExp(SECRETS.verifyToken),
      new RegExp(SECRETS.token),
      new RegExp(app.emu.spreadsheet.id),
      /Pengaturan|Penanggung Jawab|Sesi|Pesan/,
    ];
    const gets: Record<string, string>[] = [
      {},
      { sheet: 'Sesi' },
      { action: 'export', format: 'csv', sheet: 'Pesan' },
      { id: session },
      { query: ANI },
      { callback: 'alert', format: 'json' },
      { key: SECRETS.webhookKey },
      { key: SECRETS.webhookKey, sheet: 'Pesan', row: '2' },
      { key: 'wrong', debug: '1' },
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1158201444' },
      { 'hub.mode': 'subscribe', 'hub.challenge': '1158201444' },
      { 'hub.mode': 'unsubscribe', 'hub.verify_token': SECRETS.verifyToken, 'hub.challenge': '42' },
      { page: 'sidebar' },
      { api: 'privacy.find', query: ANI },
    ];
    for (const q of gets) {
      const res = app.get(q);
      expect([q, res.status]).toEqual([q, 200]);
      expect([q, res.body.length < 120]).toEqual([q, true]);
      for (const m of markers) expect([q, m.test(res.body)]).toEqual([q, false]);
    }
    // The handshake echoes Meta's challenge and nothing else.
    const handshake = app.get({
      'hub.mode': 'subscribe',
      'hub.verify_token': SECRETS.verifyToken,
      'hub.challenge': '1158201444',
    });
    expect(handshake.body).toBe('1158201444');

    const message = cloudText({ phone: ANI, name: 'Ani' }, 'halo', app.now(), {
      phoneNumberId: SECRETS.phoneNumberId,
    });
    const posts: { query: Record<string, string>; body: string; type?: string }[] = [
      { query: {}, body: JSON.stringify(message) },
      { query: { key: 'wrong' }, body: JSON.stringify(message) },
      { query: { key: SECRETS.webhookKey }, body: '' },
      { query: { key: SECRETS.webhookKey }, body: '{}' },
      { query: { key: SECRETS.webhookKey }, body: 'not json' },
      { query: { key: SECRETS.webhookKey, sheet: 'Pesan', action: 'export' }, body: '{"object":"page"}' },
      {
        query: { key: SECRETS.webhookKey },
        body: 'sender=6285711223344&message=halo',
        type: 'application/x-www-form-urlencoded',
      },
      { query: { key: SECRETS.webhookKey }, body: JSON.stringify(message) },
      {
        query: { key: SECRETS.webhookKey, callback: 'x' },
        body: JSON.stringify({ ...message, sheet: 'Sesi' }),
      },
    ];
    for (const p of posts) {
      const res = app.post(p.query, p.body, p.type ?? 'application/json');
      expect([p.query, res.contentType]).toEqual([p.query, 'application/json']);
      expect([p.query, res.body.length < 60]).toEqual([p.query, true]);
      expect(Object.keys(JSON.parse(res.body) as object).every((k) => ['ok', 'ignored'].includes(k))).toBe(
        true,
      );
      for (const m of markers) expect([p.query, m.test(res.body)]).toEqual([p.query, false]);
    }
  });
});

describe('secrets', () => {
  it('never appear in a sheet, a log line or an email after setup, settings, webhooks, sends, reports and archiving', () => {
    const app = createApp({ config: SECRETS });
    app.emu.scriptProperties.set(SECRET.fonnteToken, FONNTE_TOKEN);
    // Settings: read and saved again (a new webhook key is generated and must stay secret too).
    expect(app.api('settings.get').result.ok).toBe(true);
    const saved = app.api<{ settings: { webhookUrl: string } }>('settings.save', {
      provider: 'cloud',
      phoneNumberId: SECRETS.phoneNumberId,
      accessToken: SECRETS.token,
      fonnteToken: '',
      verifyToken: SECRETS.verifyToken,
      regenerateWebhookKey: true,
    }).result;
    expect(saved.ok).toBe(true);
    const newKey = app.emu.scriptProperties.get(SECRET.webhookKey)!;
    expect(newKey).not.toBe(SECRETS.webhookKey);
    app.configure({ ...SECRETS, webhookKey: newKey });
    app.setup();

    // Webhooks with the right key, with a wrong one (logged), and a provider error echoing a token.
    app.fakeWhatsApp = {
      fail: (_req, msg) =>
        msg && msg.text.includes('Baik Bu')
          ? {
              status: 401,
              body: JSON.stringify({
                error: {
                  message: `Invalid OAuth access token - ${SECRETS.token}`,
                  code: 190,
                  error_data: { details: `recipient ${ANI}` },
                },
              }),
            }
          : null,
    };
    lastWeek(app);
    say(app, ANI, 'Ani', 'halo');
    postJson(app, cloudText({ phone: ANI, name: 'Ani' }, 'halo', app.now()), { key: 'salah' });
    app.get({ 'hub.mode': 'subscribe', 'hub.verify_token': 'salah', 'hub.challenge': '1' });

    // The weekly report, a capacity warning, the archive, a citizen's deletion.
    app.setNow('2026-11-23T07:30:00+07:00');
    app.exec('menuWeeklyReport');
    app.emu.spreadsheet.insertSheet('Data Lain', undefined, 720000, 10);
    app.advanceMinutes(7 * 60);
    app.tick();
    app.exec('menuArchiveNow');
    app.api('privacy.delete', { query: '6289876543210', confirm: true });

    const values = [SECRETS.token, SECRETS.verifyToken, SECRETS.webhookKey, newKey, FONNTE_TOKEN];
    const logs = app.emu.logs.map((l) => l.message);
    const mails = app.emu.mailLog.map((m) => `${m.to}\n${m.subject}\n${m.body}\n${m.htmlBody}`);
    expect(mails.length).toBeGreaterThan(3);
    expect(app.records('Log Sistem').length).toBeGreaterThan(2);
    for (const secret of values) {
      for (const cell of everyCell(app))
        expect([cell.where, cell.text.includes(secret)]).toEqual([cell.where, false]);
      for (const line of logs) expect([line, line.includes(secret)]).toEqual([line, false]);
      for (const mail of mails) expect(mail.includes(secret)).toBe(false);
    }
    // The failed send was logged, redacted.
    const failed = app
      .records('Log Sistem')
      .find((r) => String(r.Pesan).includes('Invalid OAuth access token'));
    expect(String(failed?.Pesan)).toContain('***');
  });
});

describe("a citizen's number leaves the conversation view only masked", () => {
  it('appears in no email, report sheet, Rekap Mingguan or Log Sistem line, and masked in the inbox', () => {
    const app = createApp();
    app.fakeWhatsApp = {
      // A provider error that names the recipient: the log line must not.
      fail: (_req, msg) =>
        msg && msg.text.includes('Baik Bu')
          ? {
              status: 400,
              body: JSON.stringify({
                error: { message: `Invalid parameter`, code: 100, error_data: { details: `to ${ANI}` } },
              }),
            }
          : null,
    };
    lastWeek(app);
    app.setNow('2026-11-23T07:30:00+07:00');
    app.exec('menuWeeklyReport');
    app.emu.spreadsheet.insertSheet('Data Lain', undefined, 720000, 10);
    app.advanceMinutes(7 * 60);
    app.tick();

    const mails = app.emu.mailLog;
    expect(mails.some((m) => m.subject.includes('Laporan Mingguan'))).toBe(true);
    expect(mails.some((m) => m.subject.includes('Kapasitas'))).toBe(true);
    // The officer's email names the citizen and quotes her words, never her number.
    const officerMail = mails.find((m) => m.to === 'budi@diskopukm.example')!;
    expect(officerMail.body).toContain('Ani');
    for (const m of mails)
      expect([m.subject, ANI_ANY_FORM.test(`${m.subject}\n${m.body}\n${m.htmlBody}`)]).toEqual([
        m.subject,
        false,
      ]);

    const outside = app.emu.spreadsheet.sheets.filter(
      (s) => s.name === 'Rekap Mingguan' || s.name === 'Log Sistem' || s.name.startsWith('Laporan '),
    );
    expect(outside.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Rekap Mingguan', 'Log Sistem', 'Laporan 2026-W47']),
    );
    for (const sheet of outside) {
      for (const row of sheet.getValues()) {
        for (const v of row) expect([sheet.name, ANI_ANY_FORM.test(String(v))]).toEqual([sheet.name, false]);
      }
    }
    const failed = app.records('Log Sistem').find((r) => String(r.Pesan).includes('Invalid parameter'));
    expect(String(failed?.Pesan)).toContain('0857****3344');
    for (const line of app.emu.logs)
      expect([line.message, ANI_ANY_FORM.test(line.message)]).toEqual([line.message, false]);

    // The inbox list shows the number masked (the full number only inside the conversation).
    const inbox = app.api('inbox.list', {}).result;
    expect(inbox.ok).toBe(true);
    expect(JSON.stringify(inbox.data)).not.toMatch(ANI_ANY_FORM);
  });
});
