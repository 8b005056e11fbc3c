import { NetworkError } from '../../dev/emulator/index';
import { gas, newEmu, thrown } from './helpers';

describe('UrlFetchApp', () => {
  it('logs every request and answers from emu.fetchHandler', () => {
    const emu = newEmu();
    emu.fetchHandler = (req) => ({
      status: 200,
      body: JSON.stringify({ echo: req.payload }),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
    const { UrlFetchApp } = gas(emu);
    const res = UrlFetchApp.fetch('https://graph.facebook.com/v21.0/123/messages', {
      method: 'post',
      contentType: 'application/json',
      headers: { Authorization: 'Bearer t' },
      payload: JSON.stringify({ a: 1 }),
    });
    expect(res.getResponseCode()).toBe(200);
    expect(JSON.parse(res.getContentText())).toEqual({ echo: '{"a":1}' });
    expect(res.getHeaders()).toEqual({ 'Content-Type': 'application/json; charset=utf-8' });
    expect(res.getBlob().getContentType()).toBe('application/json');
    expect(emu.fetchLog).toEqual([
      {
        at: emu.clock.now(),
        url: 'https://graph.facebook.com/v21.0/123/messages',
        method: 'POST',
        headers: { Authorization: 'Bearer t' },
        payload: '{"a":1}',
        contentType: 'application/json',
      },
    ]);
  });

  it('form-encodes an object payload', () => {
    const emu = newEmu();
    gas(emu).UrlFetchApp.fetch('https://api.fonnte.com/send', {
      method: 'post',
      payload: { target: '628123', message: 'Halo & selamat' },
    });
    expect(emu.fetchLog[0]).toMatchObject({
      method: 'POST',
      payload: 'target=628123&message=Halo%20%26%20selamat',
      contentType: 'application/x-www-form-urlencoded',
    });
  });

  it('throws on HTTP errors unless muteHttpExceptions, with Google\u2019s message', () => {
    const emu = newEmu();
    const body = JSON.stringify({
      error: {
        message: 'Invalid OAuth access token - Cannot parse access token',
        type: 'OAuthException',
        code: 190,
      },
    });
    emu.fetchHandler = () => ({ status: 401, body });
    const { UrlFetchApp } = gas(emu);
    expect(thrown(() => UrlFetchApp.fetch('https://graph.facebook.com/v21.0/1/messages?x=1')).message).toBe(
      `Request failed for https://graph.facebook.com returned code 401. Truncated server response: ${body.slice(0, 100)}... (use muteHttpExceptions option to examine full response)`,
    );
    const muted = UrlFetchApp.fetch('https://graph.facebook.com/x', { muteHttpExceptions: true });
    expect(muted.getResponseCode()).toBe(401);
    expect(muted.getContentText()).toBe(body);
  });

  it('passes network failures through as exceptions', () => {
    const emu = newEmu();
    emu.fetchHandler = (req) => {
      throw NetworkError.dns(req.url);
    };
    const e = thrown(() => gas(emu).UrlFetchApp.fetch('https://nowhere.invalid/'));
    expect(e).toEqual({ name: 'Exception', message: 'DNS error: https://nowhere.invalid/' });
    expect(thrown(() => gas(emu).UrlFetchApp.fetch('ftp://x')).message).toBe('Invalid argument: ftp://x');
  });

  it('fetches several requests with fetchAll and counts the daily quota', () => {
    const emu = newEmu({ quotas: { urlfetch: 3 } });
    const { UrlFetchApp } = gas(emu);
    const res = UrlFetchApp.fetchAll([
      'https://a.example/1',
      { url: 'https://a.example/2', method: 'post', payload: 'x' },
    ]);
    expect(res.map((r) => r.getResponseCode())).toEqual([200, 200]);
    expect(emu.fetchLog.map((r) => r.method)).toEqual(['GET', 'POST']);
    UrlFetchApp.fetch('https://a.example/3');
    expect(thrown(() => UrlFetchApp.fetch('https://a.example/4')).message).toBe(
      'Service invoked too many times for one day: urlfetch.',
    );
  });
});

describe('MailApp', () => {
  it('sends with both signatures and records attachments', () => {
    const emu = newEmu();
    const { MailApp, Utilities } = gas(emu);
    MailApp.sendEmail('a@example.com', 'Laporan', 'Isi');
    MailApp.sendEmail({
      to: 'b@example.com,c@example.com',
      cc: 'd@example.com',
      subject: 'Laporan mingguan',
      body: 'teks',
      htmlBody: '<b>teks</b>',
      attachments: [Utilities.newBlob('PDF', 'application/pdf', 'laporan.pdf')],
    });
    expect(emu.mailLog.map((m) => [m.to, m.subject])).toEqual([
      ['a@example.com', 'Laporan'],
      ['b@example.com,c@example.com', 'Laporan mingguan'],
    ]);
    expect(emu.mailLog[1]).toMatchObject({
      cc: 'd@example.com',
      htmlBody: '<b>teks</b>',
      attachments: [{ name: 'laporan.pdf', mimeType: 'application/pdf', size: 3 }],
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(96);
  });

  it('stops at 100 recipients a day with Google\u2019s message, and resets the next day', () => {
    const emu = newEmu();
    const { MailApp } = gas(emu);
    for (let i = 0; i < 100; i++) MailApp.sendEmail(`u${i}@example.com`, 's', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(thrown(() => MailApp.sendEmail('x@example.com', 's', 'b')).message).toBe(
      'Service invoked too many times for one day: email.',
    );
    emu.clock.advanceMinutes(24 * 60);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    expect(thrown(() => MailApp.sendEmail('not-an-email', 's', 'b')).message).toBe(
      'Invalid email: not-an-email',
    );
  });
});
