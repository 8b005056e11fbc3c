// Aksi: the weekly report now, the settings dialog, and setting up the spreadsheet.

import { render } from '../../../messages/id';
import { call, callUnlisted } from '../../client/bridge';
import { byId } from '../../client/dom';
import { busyButton, errorText, setStatus } from './util';

/** The report engineer registers `report.run`; until then the server answers that it is unknown. */
const REPORT_NOW = 'report.run';

export function initActions(): void {
  const status = byId('actions-status');
  const report = byId<HTMLButtonElement>('action-report');
  report.addEventListener('click', () => {
    setStatus(status, 'Membuat laporan mingguan…');
    busyButton(report, () => callUnlisted(REPORT_NOW, {}))
      .then((res) => {
        const sheet = res && typeof res === 'object' ? (res as { sheetName?: unknown }).sheetName : undefined;
        setStatus(
          status,
          typeof sheet === 'string' && sheet ? `Laporan dibuat: lembar ${sheet}.` : 'Laporan dibuat.',
          'ok',
        );
      })
      .catch((err) => setStatus(status, errorText(err), 'bad'));
  });
  const settings = byId<HTMLButtonElement>('action-settings');
  settings.addEventListener('click', () => {
    setStatus(status, 'Membuka pengaturan…');
    busyButton(settings, () => call('admin.openSettings', {}))
      .then(() => setStatus(status, ''))
      .catch((err) => setStatus(status, errorText(err), 'bad'));
  });
  const setup = byId<HTMLButtonElement>('action-setup');
  setup.addEventListener('click', () => {
    setStatus(status, 'Menyiapkan spreadsheet…');
    busyButton(setup, () => call('admin.setup', {}))
      .then((res) => {
        const created = res.createdSheets.length;
        const repaired = new Set(res.addedColumns.map((c) => c.split('!')[0])).size;
        setStatus(status, render('setupDone', { created, repaired }), 'ok');
      })
      .catch((err) => setStatus(status, errorText(err), 'bad'));
  });
}
