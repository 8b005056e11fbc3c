// Executions run in parallel on Google (up to 30 per user). Deliveries executed at the same time,
// each in its own worker thread over the one emulated Google with a truly exclusive script lock,
// must lose and duplicate nothing.
import { join } from 'node:path';
import { runConcurrent } from '../../dev/emulator/concurrent';
import { webAppEvent } from '../../dev/emulator/sandbox';
import { BUILD_DIR } from '../../dev/runtime/local-app';
import { cloudText } from '../../dev/runtime/whatsapp';
import { createApp, KEY } from '../support/app';

const CODE = join(BUILD_DIR, 'Code.js');

function delivery(payload: unknown) {
  return {
    fn: 'doPost',
    args: [
      webAppEvent({
        method: 'POST',
        query: KEY,
        body: JSON.stringify(payload),
        contentType: 'application/json',
      }),
    ],
  };
}

describe('concurrent webhook deliveries', () => {
  jest.setTimeout(180000);

  it('30 citizens writing at once: 30 sessions, 30 greetings, no row lost or doubled', async () => {
    const app = createApp();
    const calls = Array.from({ length: 30 }, (_, i) =>
      delivery(
        cloudText(
          { phone: `62812000000${String(i).padStart(2, '0')}`, name: `Warga ${i}` },
          `halo ${i}`,
          app.now(),
        ),
      ),
    );
    const results = await runConcurrent(app.emu, CODE, calls);
    for (const r of results) expect(r.error).toBeUndefined();
    const sesi = app.records('Sesi');
    expect(sesi).toHaveLength(30);
    expect(new Set(sesi.map((r) => r.ID)).size).toBe(30);
    expect(new Set(sesi.map((r) => r.Nomor)).size).toBe(30);
    const pesan = app.records('Pesan');
    expect(pesan.filter((r) => r.Arah === 'masuk')).toHaveLength(30);
    expect(pesan.filter((r) => r.Arah === 'keluar')).toHaveLength(30);
    for (let i = 0; i < 30; i++) {
      const to = `62812000000${String(i).padStart(2, '0')}`;
      expect(app.messagesTo(to)).toHaveLength(1);
    }
  });

  it("one citizen's 30 messages at once (and Meta re-deliveries): each handled exactly once", async () => {
    const app = createApp();
    const ani = { phone: '6281234567890', name: 'Ani' };
    const calls = Array.from({ length: 15 }, (_, i) =>
      delivery(cloudText(ani, `pesan ${i}`, app.now(), { id: `wamid.ani.${i}` })),
    );
    // The same 15 deliveries again, at the same time (retries).
    const all = [...calls, ...calls];
    const results = await runConcurrent(app.emu, CODE, all);
    for (const r of results) expect(r.error).toBeUndefined();
    const inbound = app.records('Pesan').filter((r) => r.Arah === 'masuk');
    expect(inbound).toHaveLength(15);
    expect(new Set(inbound.map((r) => r['ID Pesan'])).size).toBe(15);
    expect(app.records('Sesi')).toHaveLength(1);
  });
});
