// Settings dialog and scheduler: secrets in Script Properties only, clear Indonesian errors, one
// trigger (hourly for an Editor add-on).
import { GoogleEmulator } from '../../dev/emulator/index';
import { LocalApp } from '../../dev/runtime/local-app';
import { render } from '../../src/messages/id';
import { SECRET } from '../../src/store/settings';
import { createApp, requireBuild } from '../support/app';

interface SaveResult {
  ok: boolean;
  errors: { field: string; message: string }[];
  settings?: { webhookUrl: string; hasAccessToken: boolean; provider: string };
}

function allSheetText(app: LocalApp): string {
  return app.emu.spreadsheet.sheets.map((s) => JSON.stringify(app.sheet(s.name))).join('\n');
}

describe('settings dialog', () => {
  it('stores provider and tokens in Script Properties, never in a sheet, and shows the webhook URL with a fresh key', () => {
    const app = createApp({ setup: true, officers: [] });
    const token = 'EAAG-secret-token-value-123';
    const res = app.api<SaveResult>('settings.save', {
      provider: 'cloud',
      phoneNumberId: '106540352242922',
      accessToken: token,
      fonnteToken: '',
      verifyToken: 'verifikasi-rahasia',
      regenerateWebhookKey: true,
    }).result;
    expect(res.ok).toBe(true);
    const data = (res as unknown as { data: SaveResult }).data;
    expect(data.ok).toBe(true);
    const key = app.emu.scriptProperties.get(SECRET.webhookKey)!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toBe('playground');
    expect(data.settings!.webhookUrl).toBe(`${app.emu.webAppUrl}?key=${key}`);
    expect(app.emu.scriptProperties.get(SECRET.accessToken)).toBe(token);
    expect(allSheetText(app)).not.toContain(token);
    expect(allSheetText(app)).not.toContain(key);
    // The token is never sent back to the page.
    expect(JSON.stringify(data)).not.toContain(token);
  });

  it('explains what is wrong, in Indonesian, and stores nothing', () => {
    const app = createApp({ officers: [] });
    app.emu.scriptProperties.delete(SECRET.accessToken);
    const res = app.api<SaveResult>('settings.save', {
      provider: 'cloud',
      phoneNumberId: 'abc',
      accessToken: '',
      fonnteToken: '',
      verifyToken: 'x',
      regenerateWebhookKey: false,
    }).result as unknown as { ok: boolean; data: SaveResult };
    expect(res.data.ok).toBe(false);
    const fields = res.data.errors.map((e) => e.field).sort();
    expect(fields).toEqual(['accessToken', 'phoneNumberId', 'verifyToken']);
    for (const e of res.data.errors) expect(e.message).toMatch(/[a-z]/i);
    expect(res.data.errors.find((e) => e.field === 'verifyToken')!.message).toMatch(/karakter|token/i);
    expect(app.emu.scriptProperties.get(SECRET.phoneNumberId)).toBe('PLAYGROUND');
  });

  it('refuses the sidebar API to someone who is not an editor', () => {
    const app = createApp({ officers: [] });
    const res = app.api('settings.get', {}, 'stranger@example.com').result;
    expect(res.ok).toBe(false);
    expect(res.error).toMatch(/hanya dapat digunakan oleh anggota tim/);
  });

  it('says the web app is not deployed yet when it is not (getUrl() is null until a deployment exists)', () => {
    const app = createApp({ officers: [], deploy: false });
    const view = app.api<{ webhookUrl: string }>('settings.get').result;
    expect(view.ok).toBe(true);
    expect(view.data!.webhookUrl).toBe(render('webhookUrlMissing'));
    app.emu.deploy();
    expect(app.api<{ webhookUrl: string }>('settings.get').result.data!.webhookUrl).toMatch(
      /^https:\/\/script\.google\.com\/macros\/s\/AKfycb[\w-]+\/exec\?key=playground$/,
    );
  });
});

describe('scheduler', () => {
  it('runs due jobs once, then an idle tick runs nothing and touches no sheet', () => {
    const app = createApp({ officers: [] });
    const first = app.tick();
    // Every job, in the order tick runs them when several are due.
    expect(first.result.ran.map((r) => r.job)).toEqual([
      'pindah-status',
      'pesan-tertunda',
      'sesi-habis',
      'kirim-ulang',
      'bersih-bersih',
      'lampiran',
      'laporan-mingguan',
      'rotasi-konten',
      'pengingat-tugas',
      'pengingat-kasus',
      'siaran',
      'kapasitas',
      'arsip',
      'ringkasan-email',
    ]);
    app.advanceMinutes(1);
    const idle = app.tick();
    expect(idle.result.ran).toEqual([]);
    expect(idle.calls.roundTrips).toBe(0);
  });

  it('as a published Editor add-on, installs one hourly trigger instead of every minute', () => {
    requireBuild();
    const app = new LocalApp({
      emulator: new GoogleEmulator({ now: '2026-11-23T09:00:00+07:00', addOn: true }),
    });
    app.configure();
    app.exec('onInstall', { authMode: 'FULL' });
    app.setup();
    app.setup();
    const ticks = app.emu.triggers.filter((t) => t.handler === 'tick');
    expect(ticks).toHaveLength(1);
    expect(ticks[0].clock).toMatchObject({ everyHours: 1 });
  });
});
