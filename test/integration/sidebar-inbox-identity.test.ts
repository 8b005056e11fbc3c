// The inbox's small server changes for the staff sidebar: a citizen known only by a WhatsApp user
// id (username, no number) shows that id shortened — not a string of asterisks — and every inbox
// answer tells the sidebar the offset of the service's zone (Pengaturan → Zona Waktu), so it shows
// times in that zone instead of always in WIB.

import type { LocalApp } from '../../dev/runtime/local-app';
import type { InboxView } from '../../src/api/types';
import { Citizen, createApp, during, expectWithin } from '../support/app';

const OFFICER = 'sari@diskopukm.example';
const USER_ID = 'ID.7788990011223344';

function inbox(app: LocalApp, group = ''): InboxView {
  const { result } = app.api<InboxView>('inbox.list', { group }, OFFICER);
  if (!result.ok) throw new Error(result.error);
  return result.data as InboxView;
}

function officerApp(): LocalApp {
  const app = createApp();
  app.emu.spreadsheet.editors.push(OFFICER);
  return app;
}

describe('sidebar inbox: who wrote', () => {
  it('shows a username citizen by their user id, shortened, in the waiting list', () => {
    const app = officerApp();
    const budi = new Citizen(app, '', 'Budi', USER_ID);
    const id = budi.connect('1', '1', '1');
    const item = inbox(app).sessions.find((s) => s.sessionId === id);
    expect(item).toBeDefined();
    expect(item!.phone).toBe('ID.778…3344');
    expect(item!.phone).not.toContain('*');
    expect(JSON.stringify(inbox(app))).not.toContain(USER_ID);
  });

  it('keeps showing a citizen with a number masked, even when they also have a user id', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani', USER_ID);
    const id = ani.connect('1', '2', '1');
    const item = inbox(app).sessions.find((s) => s.sessionId === id)!;
    expect(item.phone).toBe('0812****7890');
  });

  it('shows the shortened user id among the sessions that just ended', () => {
    const app = officerApp();
    const budi = new Citizen(app, '', 'Budi', USER_ID);
    const id = budi.connect('1', '1', '1');
    const closed = app.api('session.close', { sessionId: id }, OFFICER).result;
    expect(closed.ok).toBe(true);
    const view = inbox(app);
    expect(view.sessions).toHaveLength(0);
    expect(view.recent.map((r) => [r.sessionId, r.phone])).toEqual([[id, 'ID.778…3344']]);
  });
});

describe('sidebar inbox: the service zone', () => {
  it('reports WIB (UTC+7) by default', () => {
    const app = officerApp();
    const { value: view, ...span } = during(app, () => inbox(app));
    expect(view.offset).toBe(420);
    expect(view.zone).toBe('WIB');
    expectWithin(view.now, span);
  });

  it('follows Zona Waktu once staff change it in Pengaturan', () => {
    const app = officerApp();
    app.appendRows('Pengaturan', [{ Kunci: 'Zona Waktu', Nilai: 'Asia/Makassar' }]);
    const view = inbox(app);
    expect(view.offset).toBe(480);
    expect(view.zone).toBe('WITA');
    app.appendRows('Pengaturan', [{ Kunci: 'Zona Waktu', Nilai: 'Asia/Jayapura' }]);
    expect(inbox(app)).toMatchObject({ offset: 540, zone: 'WIT' });
  });
});
