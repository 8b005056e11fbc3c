// No silent failure on the webhook path (issue 13): a storage or quota error (Script Properties,
// CacheService, Sheets) keeps the delivery for tick, gives the citizen one short apology (never a
// menu loop), writes `Log Sistem`, and emails the reporting team at most once an hour.
import { GasError } from '../../dev/emulator/errors';
import { CacheFacade } from '../../dev/emulator/services/stores';
import { RangeFacade } from '../../dev/emulator/services/spreadsheet';
import type { LocalApp } from '../../dev/runtime/local-app';
import { Citizen, createApp } from '../support/app';

const APOLOGY = /^Mohon maaf, sistem kami sedang mengalami gangguan/;
const MENU = /Silakan pilih layanan|Konsultasi/;

/** Makes an emulated method throw Google's error while `failing()` says so. */
function failWhile(proto: object, method: string, message: string, failing: () => boolean): () => void {
  const target = proto as Record<string, (...a: unknown[]) => unknown>;
  const original = target[method];
  target[method] = function (this: unknown, ...args: unknown[]) {
    if (failing()) throw new GasError(message);
    return original.apply(this, args);
  };
  return () => {
    target[method] = original;
  };
}

const alerts = (app: LocalApp) => app.emu.mailLog.filter((m) => /Gangguan sistem/.test(m.subject));
const kept = (app: LocalApp) => app.records('Antrean Masuk').filter((r) => r.Isi !== '');
const log = (app: LocalApp) =>
  app.records('Log Sistem').map((r) => `${String(r.Tingkat)} ${String(r.Pesan)}`);

describe('storage and quota errors on the webhook', () => {
  it('Script Properties full (500 KB): an apology, the delivery kept, Log Sistem, one email; tick handles it', () => {
    const app = createApp();
    // Someone else's data fills the store (the product itself stays under 50 KB).
    const props = app.emu.scriptProperties;
    let used = 0;
    for (const [k, v] of props) used += Buffer.byteLength(k) + Buffer.byteLength(v);
    for (let i = 0; 500 * 1024 - used > 4; i++) {
      const key = `junk:${String(i).padStart(4, '0')}`;
      const value = 'x'.repeat(Math.max(1, Math.min(9000, 500 * 1024 - used - key.length - 4)));
      props.set(key, value);
      used += key.length + value.length;
    }
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const budi = new Citizen(app, '6281234567891', 'Budi');
    // The turns still work from the sheets (the state lives in Sesi, the pointers' cached copies
    // keep rows from being written twice); only the properties' write at the end fails: the
    // citizen gets the answer and one short apology an hour.
    const first = ani.say('halo').map((r) => r.text);
    expect(first.some((t) => MENU.test(t))).toBe(true);
    expect(first.some((t) => APOLOGY.test(t))).toBe(true);
    expect(budi.say('halo').some((r) => APOLOGY.test(r.text))).toBe(true);
    const second = ani.say('1').map((r) => r.text);
    expect(second.some((t) => /Koperasi/.test(t) && /UKM/.test(t))).toBe(true);
    expect(second.filter((t) => APOLOGY.test(t))).toHaveLength(0);
    expect(kept(app).length).toBeGreaterThanOrEqual(3);
    expect(
      log(app).some((l) => /^GALAT Pesan WhatsApp tidak dapat diproses.*batas penyimpanan/.test(l)),
    ).toBe(true);
    expect(alerts(app)).toHaveLength(1);
    expect(alerts(app)[0].to).toContain('lapor@diskopukm.example');

    // The space is freed; the next tick takes the kept deliveries: each was handled already (its id
    // is in the conversation's cell), so nothing is sent or logged twice.
    for (const k of [...props.keys()]) if (k.startsWith('junk:')) props.delete(k);
    app.advanceMinutes(1);
    app.tick();
    expect(kept(app)).toHaveLength(0);
    expect(ani.replies()).toHaveLength(0);
    expect(budi.replies()).toHaveLength(0);
    const sesi = app.records('Sesi').filter((r) => r.ID !== '');
    expect(sesi.map((r) => r.Nomor).sort()).toEqual([ani.address, budi.address]);
    const inbound = app.records('Pesan').filter((r) => r.Arah === 'masuk');
    expect(inbound.map((r) => r.Isi)).toEqual(['halo', 'halo', '1']);
    // Ani goes on from where she is: the third step, no welcome menu again.
    const next = ani
      .say('1')
      .map((r) => r.text)
      .join('\n');
    expect(next).not.toMatch(/Selamat datang/);
    expect(next).toMatch(/Keanggotaan/);
  });

  it("Script Properties' daily quota used up: the delivery kept unchecked, one email; handled the next day", () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    app.emu.quotas.properties = 0;
    const res = ani.say('halo');
    expect(res).toHaveLength(0); // without the access token no message can go out
    expect(kept(app)).toHaveLength(1);
    expect(String(kept(app)[0].Isi)).not.toContain('playground'); // the key is kept hashed only
    expect(alerts(app)).toHaveLength(1);
    expect(alerts(app)[0].body).toMatch(/kuota harian Google habis/);
    app.emu.quotas.properties = 50000;
    app.advanceMinutes(24 * 60);
    app.tick();
    expect(kept(app)).toHaveLength(0);
    expect(ani.replies().some((r) => MENU.test(r.text))).toBe(true);
  });

  it('CacheService failing: reads are misses, the turn goes on from the sheet; a failed write keeps the delivery', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    ani.say('halo');
    let down = true;
    const restore = [
      failWhile(CacheFacade.prototype, 'getAll', 'Service error: CacheService', () => down),
      failWhile(CacheFacade.prototype, 'get', 'Service error: CacheService', () => down),
      failWhile(CacheFacade.prototype, 'putAll', 'Service error: CacheService', () => down),
    ];
    try {
      const replies = ani.say('1').map((r) => r.text);
      // The state came from its Sesi row; the reply went out; the cache write failed afterwards.
      expect(replies.some((t) => /Koperasi/.test(t))).toBe(true);
      expect(replies.some((t) => APOLOGY.test(t))).toBe(true);
    } finally {
      down = false;
      restore.forEach((r) => r());
    }
    app.advanceMinutes(1);
    app.tick();
    // The kept delivery was already handled (its id is in the state's cell): nothing twice.
    expect(ani.replies()).toHaveLength(0);
    expect(app.records('Pesan').filter((r) => r.Arah === 'masuk' && r.Isi === '1')).toHaveLength(1);
    expect(log(app).some((l) => /gangguan layanan Google/.test(l))).toBe(true);
  });

  it('a Sheets error: the apology, the delivery kept, handled by tick exactly once', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    let failures = 1;
    const restore = failWhile(
      RangeFacade.prototype,
      'setValues',
      'Service Spreadsheets failed while accessing document with id 1abc.',
      () => failures-- > 0,
    );
    try {
      expect(ani.say('halo').some((r) => APOLOGY.test(r.text))).toBe(true);
    } finally {
      restore();
    }
    expect(kept(app)).toHaveLength(1);
    app.advanceMinutes(1);
    app.tick();
    expect(kept(app)).toHaveLength(0);
    expect(app.records('Pesan').filter((r) => r.Arah === 'masuk' && r.Isi === 'halo')).toHaveLength(1);
    expect(app.records('Sesi').filter((r) => r.ID !== '')).toHaveLength(1);
    expect(ani.say('1').some((r) => /Koperasi/.test(r.text))).toBe(true);
  });
});
