// Fills Sesi and Pesan of an emulated spreadsheet with N closed sessions and 5N messages directly
// in the model (as history from earlier weeks), without counting calls: the state a benchmark
// starts from.

import { maxRowsKey, pointerKey } from '../../src/store/db';
import { SHEETS } from '../../src/store/schema';
import type { LocalApp } from '../runtime/local-app';

export function populateHistory(app: LocalApp, sessions: number, messagesPerSession = 5): void {
  const ss = app.emu.spreadsheet;
  const sesi = ss.getSheetByName('Sesi')!;
  const pesan = ss.getSheetByName('Pesan')!;
  const sesiHeaders = app.sheet('Sesi').headers.map(String);
  const pesanHeaders = app.sheet('Pesan').headers.map(String);
  const start = app.now() - 90 * 86400000;
  const grow = (sheet: typeof sesi, rows: number): void => {
    if (sheet.maxRows < rows + 1) sheet.insertRowsAfter(sheet.maxRows, rows + 1 - sheet.maxRows);
  };
  grow(sesi, sessions);
  grow(pesan, sessions * messagesPerSession);
  const chunk = 5000;
  for (let from = 0; from < sessions; from += chunk) {
    const n = Math.min(chunk, sessions - from);
    const sRows: unknown[][] = [];
    const pRows: unknown[][] = [];
    for (let i = from; i < from + n; i++) {
      const at = new Date(start + i * 60000);
      const id = `HK-2608-${String(i + 1).padStart(6, '0')}`;
      const rec: Record<string, unknown> = {
        ID: id,
        Kanal: 'WhatsApp',
        Nomor: `62812${String(i).padStart(8, '0')}`,
        Nama: `Warga ${i}`,
        Jenis: i % 3 ? 'Konsultasi' : 'Pengaduan',
        Bidang: i % 2 ? 'UKM' : 'Koperasi',
        Topik: 'Modal',
        Status: 'Selesai',
        Mulai: at,
        Terhubung: at,
        'Respons Pertama': at,
        Selesai: at,
        'Ditutup Oleh': 'user',
        Petugas: 'Budi',
        Penilaian: (i % 4) + 1,
      };
      sRows.push(sesiHeaders.map((h) => (h in rec ? rec[h] : '')));
      for (let m = 0; m < messagesPerSession; m++) {
        const msg: Record<string, unknown> = {
          Waktu: at,
          'ID Sesi': id,
          Arah: m % 2 ? 'keluar' : 'masuk',
          Nomor: rec.Nomor,
          'Jenis Pesan': 'text',
          Isi: `pesan ${m} sesi ${i}`,
          'ID Pesan': `wamid.hist.${i}.${m}`,
        };
        pRows.push(pesanHeaders.map((h) => (h in msg ? msg[h] : '')));
      }
    }
    sesi.setValues(`A${from + 2}`, sRows);
    pesan.setValues(`A${from * messagesPerSession + 2}`, pRows);
  }
  // The product's row pointers, as they would be after writing this history.
  const props = app.emu.scriptProperties;
  props.set(pointerKey(SHEETS.sessions.name), String(sessions + 2));
  props.set(pointerKey(SHEETS.messages.name), String(sessions * messagesPerSession + 2));
  props.delete(maxRowsKey(SHEETS.sessions.name));
  props.delete(maxRowsKey(SHEETS.messages.name));
}
