// The Aksi tab's archive button runs the same archive step as the menu and says how far it got.
import { Citizen, createApp } from '../support/app';

describe('archive from the sidebar', () => {
  it('says there is nothing to archive yet, and moves old sessions once they are past retention', () => {
    const app = createApp({ now: '2025-06-02T09:00:00+07:00' });
    const ani = new Citizen(app, '6281234567890', 'Ani');
    ani.connect();
    ani.say('selesai');
    ani.say('4');
    const first = app.api<{ message: string }>('admin.archiveNow').result;
    expect(first.ok).toBe(true);
    expect(first.data!.message).toMatch(/belum ada yang perlu diarsipkan/);
    expect(app.records('Sesi')).toHaveLength(1);

    app.setNow('2026-11-23T09:00:00+07:00');
    let message = '';
    for (let i = 0; i < 20 && !/selesai/.test(message); i++) {
      message = app.api<{ message: string }>('admin.archiveNow').result.data!.message;
    }
    expect(message).toMatch(/Pengarsipan selesai: \d+ pesan dan 1 sesi/);
    expect(app.records('Sesi')).toHaveLength(0);
    expect(app.records('Pesan')).toHaveLength(0);
  });

  it('refuses someone who is not an editor', () => {
    const app = createApp();
    expect(app.api('admin.archiveNow', {}, 'stranger@example.com').result.ok).toBe(false);
  });
});
