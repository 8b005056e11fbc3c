// Every quota of a free (consumer) Google account known and handled (issue 13): email recipients
// by priority, with WhatsApp and the next day's digest for what does not fit; UrlFetch calls by
// priority; trigger runtime. Nothing is dropped silently: Log Sistem says what was held back.
import type { LocalApp } from '../../dev/runtime/local-app';
import type { CapacityView } from '../../src/api/types';
import { Citizen, createApp } from '../support/app';

const HOUR = 3600000;

/** Officers of the four help-desk groups, with email; two of them also on WhatsApp. */
const OFFICERS = [
  {
    Grup: 'Konsultasi Koperasi',
    Nama: 'Budi',
    WhatsApp: '6281111111101',
    Email: 'budi@diskopukm.example',
    Aktif: true,
  },
  { Grup: 'Konsultasi UKM', Nama: 'Sari', WhatsApp: '', Email: 'sari@diskopukm.example', Aktif: true },
  {
    Grup: 'Pengaduan Koperasi',
    Nama: 'Dedi',
    WhatsApp: '6281111111103',
    Email: 'dedi@diskopukm.example',
    Aktif: true,
  },
  { Grup: 'Pengaduan UKM', Nama: 'Rina', WhatsApp: '', Email: 'rina@diskopukm.example', Aktif: true },
  { Grup: 'Pelaporan', Nama: 'Tim Pelaporan', WhatsApp: '', Email: 'lapor@diskopukm.example', Aktif: true },
];
const GROUPS: [string, string][] = [
  ['1', '1'],
  ['1', '2'],
  ['2', '1'],
  ['2', '2'],
];

const officerMails = (app: LocalApp) => app.emu.mailLog.filter((m) => /\(HK-\d{4}-\d{4}\)$/.test(m.subject));
const log = (app: LocalApp) =>
  app.records('Log Sistem').map((r) => `${String(r.Tingkat)} ${String(r.Pesan)}`);
const quotaUse = (app: LocalApp) => JSON.parse(app.emu.scriptProperties.get('quota:use') ?? '{}');

describe('the daily quotas of a consumer account', () => {
  jest.setTimeout(180000);

  it('150 officer notifications in a day: 100 emails, the rest by WhatsApp or in the next digest, said in Log Sistem', () => {
    const app = createApp({ officers: OFFICERS });
    for (let i = 0; i < 150; i++) {
      const [jenis, bidang] = GROUPS[i % 4];
      new Citizen(app, `62857${String(i).padStart(8, '0')}`, `Warga ${i}`).connect(
        jenis as '1' | '2',
        bidang as '1' | '2',
        '1',
      );
    }
    const recipients = app.emu.mailLog.reduce((n, m) => n + m.to.split(',').length, 0);
    expect(recipients).toBe(100);
    expect(officerMails(app)).toHaveLength(100);
    expect(app.emu.quotaUsage(app.emu.userEmail).email.remaining).toBe(0);
    // No send ever met Google's "Service invoked too many times".
    expect(log(app).filter((l) => /too many times|gagal/i.test(l))).toEqual([]);
    // Said once: what happens to the rest.
    const said = log(app).filter((l) => /Kuota email hampir habis/.test(l));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/100 dari 100 penerima.*akun konsumen.*WhatsApp.*ringkasan/);
    // Budi and Dedi are on WhatsApp: every session reached them there. Sari and Rina are not:
    // what email could not carry waits for the digest.
    expect(app.messagesTo('6281111111101').filter((m) => /HK-/.test(m.text))).toHaveLength(38);
    const digest = JSON.parse(app.emu.scriptProperties.get('mail:digest')!) as {
      to: Record<string, { n: number }>;
    };
    const waiting = Object.values(digest.to).reduce((n, e) => n + e.n, 0);
    expect(Object.keys(digest.to).sort()).toEqual(['rina@diskopukm.example', 'sari@diskopukm.example']);
    expect(waiting).toBeGreaterThan(0);
    expect(log(app).filter((l) => /dikumpulkan untuk ringkasan berikutnya/.test(l))).toHaveLength(waiting);
    expect(JSON.stringify([...app.emu.scriptProperties]).length).toBeLessThan(50 * 1024);

    // The next day, once the quota has renewed: one digest email for each of them.
    app.advanceMinutes(24 * 60 + 1);
    app.tick();
    const digests = app.emu.mailLog.filter((m) => /Ringkasan pemberitahuan yang tertunda/.test(m.subject));
    expect(digests.map((m) => m.to).sort()).toEqual(['rina@diskopukm.example', 'sari@diskopukm.example']);
    expect(digests.every((m) => /HK-\d{4}-\d{4}/.test(m.body))).toBe(true);
    expect(app.emu.scriptProperties.has('mail:digest')).toBe(false);
    expect(log(app).some((l) => new RegExp(`Ringkasan email: ${waiting} pemberitahuan`).test(l))).toBe(true);
  });

  it('the weekly report keeps its recipients: officer notifications stop short of them on report day', () => {
    const app = createApp({ officers: OFFICERS });
    app.tick(); // plans the weekly report: next Monday 07:00 …
    app.setNow('2026-11-30T05:00:00+07:00'); // … two hours from now
    for (let i = 0; i < 110; i++) {
      new Citizen(app, `62858${String(i).padStart(8, '0')}`, `Warga ${i}`).connect('1', '2', '1');
    }
    expect(officerMails(app)).toHaveLength(99); // one recipient (Pelaporan) kept for the report
    app.setNow('2026-11-30T07:05:00+07:00');
    app.tick();
    expect(app.emu.mailLog.filter((m) => /Laporan Mingguan/i.test(m.subject))).toHaveLength(1);
  });

  it('UrlFetch: read receipts stop at 60 % of the day, replies go on, and past the limit wait for it', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    ani.say('halo');
    const since = app.now() - HOUR;
    const setUsed = (n: number) =>
      app.emu.scriptProperties.set(
        'quota:use',
        JSON.stringify({ ...quotaUse(app), urlFetch: { n, s: since } }),
      );
    setUsed(12000);
    const before = app.emu.fetchLog.length;
    expect(ani.say('1').length).toBe(1); // the reply …
    const sent = app.emu.fetchLog.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent.some((r) => /"status":"read"/.test(r.payload))).toBe(false); // … no blue ticks
    expect(log(app).some((l) => /Kuota UrlFetch terpakai 12001 dari 20000.*centang biru/.test(l))).toBe(true);

    setUsed(20000);
    expect(ani.say('1')).toHaveLength(0); // nothing can go out …
    expect(app.records('Pesan').filter((r) => String(r['Status Kirim']).startsWith('antre'))).toHaveLength(1);
    expect(log(app).some((l) => /^GALAT Kuota UrlFetch.*diantre/.test(l))).toBe(true);
    // … until the quota renews, 24 hours after its first call: then the queued reply goes out.
    app.advanceMinutes(23 * 60 + 1);
    app.tick();
    expect(
      ani
        .replies()
        .map((r) => r.text)
        .join('\n'),
    ).toMatch(/Keanggotaan/);
  });

  it('trigger runtime: past 85 % of the day only the jobs that cannot wait run, said once', () => {
    const app = createApp();
    app.tick();
    app.emu.scriptProperties.set(
      'quota:use',
      JSON.stringify({ trigger: { n: 0.9 * 90 * 60000, s: app.now() - HOUR, last: app.now() } }),
    );
    for (const k of ['job:kapasitas', 'job:sesi-habis']) app.emu.scriptProperties.set(k, String(app.now()));
    app.advanceMinutes(1);
    const ran = app.tick().result.ran.map((r) => r.job);
    expect(ran).toContain('sesi-habis');
    expect(ran).not.toContain('kapasitas');
    expect(log(app).filter((l) => /Waktu jalan pemicu terpakai 81 dari 90 menit/.test(l))).toHaveLength(1);
    app.advanceMinutes(1);
    app.tick();
    expect(log(app).filter((l) => /Waktu jalan pemicu/.test(l))).toHaveLength(1);
  });

  it('trigger runtime: a month without ticks does not count against today (the window is 24 hours)', () => {
    const app = createApp();
    app.tick();
    // The trigger was off for a month (an editor removed it); setup installs it again.
    app.advanceMinutes(31 * 24 * 60);
    for (const k of ['job:kapasitas']) app.emu.scriptProperties.set(k, String(app.now()));
    app.tick();
    const used = JSON.parse(app.emu.scriptProperties.get('quota:use')!).trigger.n as number;
    expect(used).toBeLessThan(5 * 60000);
    app.emu.scriptProperties.set('job:kapasitas', String(app.now()));
    app.advanceMinutes(1);
    expect(app.tick().result.ran.map((r) => r.job)).toContain('kapasitas');
    expect(log(app).filter((l) => /Waktu jalan pemicu/.test(l))).toEqual([]);
  });

  it("the sidebar's capacity meter shows each quota's use today and the Script Properties store's size", () => {
    const app = createApp({ officers: OFFICERS });
    new Citizen(app, '6281234567890', 'Ani').connect('1', '1', '1');
    app.tick();
    const view = app.api<CapacityView>('capacity.get', {}).result.data!;
    expect(view.account).toBe('konsumen');
    const by = Object.fromEntries(view.quotas.map((q) => [q.kind, q]));
    expect(Object.keys(by)).toEqual(['mail', 'urlFetch', 'trigger', 'properties']);
    expect(by.mail).toMatchObject({ used: 1, limit: 100, level: 'ok' });
    expect(by.urlFetch.used).toBeGreaterThanOrEqual(8);
    expect(by.urlFetch.limit).toBe(20000);
    expect(by.urlFetch.renewsAt).toMatch(/^2026-11-24T/);
    expect(by.trigger.limit).toBe(90);
    expect(by.properties.limit).toBe(50);
    expect(by.properties.used).toBeGreaterThan(0);
    expect(by.properties.used).toBeLessThan(5);
  });
});
