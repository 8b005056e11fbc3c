// Fills Sesi and Pesan of an emulated spreadsheet with N closed sessions and 5N messages directly
// in the model (as history from earlier weeks), without counting calls: the state a benchmark
// starts from.

import { LIVE_FROM_KEY, sessionSeqKey } from '../../src/app/helpdesk/state';
import { liveCell } from '../../src/domain/conversation-cell';
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

/**
 * Adds `citizens` conversations in progress today (each a `Sesi` row whose `Status Percakapan`
 * holds a live menu state, and the greeting in `Pesan`), written directly in the model: the state a
 * busy day leaves for the rest of it. The live window starts at the first of them.
 */
export function populateLive(app: LocalApp, citizens: number): void {
  const ss = app.emu.spreadsheet;
  const sesi = ss.getSheetByName('Sesi')!;
  const pesan = ss.getSheetByName('Pesan')!;
  const sesiHeaders = app.sheet('Sesi').headers.map(String);
  const pesanHeaders = app.sheet('Pesan').headers.map(String);
  const props = app.emu.scriptProperties;
  const firstRow = Number(props.get(pointerKey(SHEETS.sessions.name)) ?? '2');
  const firstMessage = Number(props.get(pointerKey(SHEETS.messages.name)) ?? '2');
  const grow = (sheet: typeof sesi, rows: number): void => {
    if (sheet.maxRows < rows) sheet.insertRowsAfter(sheet.maxRows, rows - sheet.maxRows);
  };
  // With room to spare, as the product leaves it (it grows a sheet 500 rows at a time).
  grow(sesi, firstRow + citizens + 500);
  grow(pesan, firstMessage + citizens + 500);
  const started = app.now() - 3600000;
  const chunk = 5000;
  for (let from = 0; from < citizens; from += chunk) {
    const n = Math.min(chunk, citizens - from);
    const sRows: unknown[][] = [];
    const pRows: unknown[][] = [];
    for (let i = from; i < from + n; i++) {
      const phone = `62858${String(i).padStart(8, '0')}`;
      const id = `HK-2611-${String(i + 1).padStart(6, '0')}`;
      const state = {
        v: 1,
        userKey: phone,
        phone,
        userId: '',
        name: `Warga ${i}`,
        phase: 'menu',
        menu: { step: 'jenis' },
        sessionId: id,
        row: firstRow + i,
        status: 'Menu',
        channel: 'WhatsApp',
        startedAt: started,
        connectedAt: 0,
        firstResponseAt: 0,
        endedAt: 0,
        jenis: '',
        bidang: '',
        topic: '',
        outOfHours: false,
        officer: '',
        firstMessage: '',
        ratingRetries: 0,
        lastInboundAt: started,
        lastIds: [`wamid.live.${i}`],
      };
      const rec: Record<string, unknown> = {
        ID: id,
        Kanal: 'WhatsApp',
        Nomor: phone,
        Nama: state.name,
        Status: 'Menu',
        'Status Percakapan': liveCell(phone, state),
        Mulai: new Date(started),
        'ID Pengguna': phone,
      };
      sRows.push(sesiHeaders.map((h) => (h in rec ? rec[h] : '')));
      const msg: Record<string, unknown> = {
        Waktu: new Date(started),
        'ID Sesi': id,
        Arah: 'masuk',
        Nomor: phone,
        'Jenis Pesan': 'text',
        Isi: 'halo',
        'ID Pesan': `wamid.live.${i}`,
        Pengirim: 'warga',
      };
      pRows.push(pesanHeaders.map((h) => (h in msg ? msg[h] : '')));
    }
    sesi.setValues(`A${firstRow + from}`, sRows);
    pesan.setValues(`A${firstMessage + from}`, pRows);
  }
  props.set(pointerKey(SHEETS.sessions.name), String(firstRow + citizens));
  props.set(pointerKey(SHEETS.messages.name), String(firstMessage + citizens));
  props.set(sessionSeqKey('2611'), String(citizens));
  props.set(LIVE_FROM_KEY, String(firstRow));
  props.delete(maxRowsKey(SHEETS.sessions.name));
  props.delete(maxRowsKey(SHEETS.messages.name));
}
