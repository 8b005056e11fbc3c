// A citizen's rights over their data (UU No. 27/2022): staff find every row of one citizen — by
// number in any format, or by WhatsApp user id — to answer a request to see it, and delete all of
// it on confirmation. Covered: `Sesi` (number or user id), `Pesan` (number, and every message of
// the citizen's sessions, including notifications to officers about them), `Pelanggan Siaran`,
// `Log Siaran`, `Narasumber` (contact), the same sheets in the yearly archives, the citizen's
// conversation state (in their `Sesi` rows, and its cached copy) and their messages waiting in the
// retry queue.
// `Tanya Jawab`, `Metrik`, `Rekap Mingguan` and the report sheets hold no numbers.

import type { PrivacyResult, PrivacySheetHits } from '../../api/types';
import { normalizePhone } from '../../domain/phone';
import type { CitizenQuery } from '../../domain/retention';
import { cellMatchesAddress, formatRowRanges, maskAddress, parseCitizenQuery } from '../../domain/retention';
import { render } from '../../messages/id';
import { withScriptLock } from '../../platform/lock';
import { openSpreadsheet } from '../../platform/spreadsheet';
import { activeUserEmail } from '../../platform/user';
import type { SheetKey } from '../../store/schema';
import { SHEETS } from '../../store/schema';
import { normaliseHeader } from '../../store/table';
import { Ctx } from '../context';
import type { UserState } from '../helpdesk/state';
import { forgetConversation, liveConversations } from '../helpdesk/state';
import { deleteSessionMedia } from '../media/cleanup';
import type { QueuedSend } from '../messaging/sender';
import { OUTBOX_QUEUE_KEY } from '../messaging/sender';
import { archiveFiles, settleArchiveBatch } from './archive';
import { deleteProductRows, deleteRowsBottomUp } from './rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Where to look, and by which columns (schema keys). */
const SEARCHED: readonly {
  key: SheetKey;
  address: readonly string[];
  session?: string;
  sessionOwner?: boolean;
}[] = [
  { key: 'sessions', address: ['phone', 'userKey'], session: 'id', sessionOwner: true },
  { key: 'messages', address: ['phone'], session: 'sessionId' },
  { key: 'subscribers', address: ['phone'] },
  { key: 'broadcastLog', address: ['phone'] },
  { key: 'speakers', address: ['contact'] },
];

/** Sheets that exist in the archives. */
const ARCHIVED: readonly SheetKey[] = ['sessions', 'messages'];

const MAIN_LABEL = 'HALO KOP-UKM';

interface Hit {
  spreadsheet: string;
  url: string;
  key: SheetKey;
  sheet: Sheet;
  /** Main spreadsheet (row references to repair) or an archive. */
  main: boolean;
  rows: number[];
}

export interface CitizenFindings {
  query: CitizenQuery;
  hits: Hit[];
  states: UserState[];
  queued: number;
  /** Every number and user id found to be the citizen's, and their session ids. */
  addresses: Set<string>;
  sessionIds: Set<string>;
}

/** Everything stored about one citizen. Reads only. */
export function findCitizen(ctx: Ctx, input: string | number): CitizenFindings {
  const query = parseCitizenQuery(input);
  if (!query) throw new Error(render('privacyQueryInvalid'));
  const addresses = new Set<string>([query.key]);
  const sessionIds = new Set<string>();
  const states = liveConversations(ctx).filter(
    (u) => cellMatchesAddress(u.phone, addresses) || u.userId === query.key || u.userKey === query.key,
  );
  for (const u of states) {
    for (const a of [u.phone ? normalizePhone(u.phone) : '', u.userId, u.userKey]) if (a) addresses.add(a);
    if (u.sessionId) sessionIds.add(u.sessionId.toUpperCase());
  }

  const places: { ss: Spreadsheet; label: string; main: boolean; keys: readonly SheetKey[] }[] = [
    { ss: ctx.ss, label: MAIN_LABEL, main: true, keys: SEARCHED.map((s) => s.key) },
  ];
  for (const id of Object.values(archiveFiles(ctx.props))) {
    try {
      const ss = openSpreadsheet(id);
      places.push({ ss, label: ss.getName(), main: false, keys: ARCHIVED });
    } catch {
      // an archive removed by hand holds nothing any more
    }
  }

  // Sessions first, everywhere: they tell which user ids and session ids belong to the citizen.
  const columns = new Map<string, { sheet: Sheet; address: unknown[][]; session: unknown[] }>();
  for (const place of places) {
    for (const spec of SEARCHED.filter((s) => place.keys.includes(s.key))) {
      const read = readColumns(place.ss, spec.key, spec.address, spec.session);
      if (read) columns.set(`${place.ss.getId()}|${spec.key}`, read);
    }
  }
  // A row of `Sesi` matching by number carries the user id too (and the other way round).
  for (let round = 0; round < 2; round++) {
    for (const [k, read] of columns) {
      if (!k.endsWith('|sessions')) continue;
      read.address.forEach((cells, i) => {
        if (!cells.some((c) => cellMatchesAddress(c, addresses))) return;
        for (const c of cells) {
          const text = String(c ?? '')
            .trim()
            .replace(/^'/, '');
          if (text) addresses.add(/^\+?[\d\s\-().]+$/.test(text) ? normalizePhone(text) : text);
        }
        const sid = String(read.session[i] ?? '')
          .trim()
          .toUpperCase();
        if (sid) sessionIds.add(sid);
      });
    }
  }

  const hits: Hit[] = [];
  for (const place of places) {
    for (const spec of SEARCHED.filter((s) => place.keys.includes(s.key))) {
      const read = columns.get(`${place.ss.getId()}|${spec.key}`);
      if (!read) continue;
      const rows: number[] = [];
      read.address.forEach((cells, i) => {
        const sid = String(read.session[i] ?? '')
          .trim()
          .toUpperCase();
        if (cells.some((c) => cellMatchesAddress(c, addresses)) || (sid !== '' && sessionIds.has(sid))) {
          rows.push(i + 2);
        }
      });
      if (rows.length > 0) {
        hits.push({
          spreadsheet: place.label,
          url: place.ss.getUrl(),
          key: spec.key,
          sheet: read.sheet,
          main: place.main,
          rows,
        });
      }
    }
  }
  const queued = queuedFor(ctx, addresses, sessionIds).length;
  return { query, hits, states, queued, addresses, sessionIds };
}

/** The address columns (and the session column) of a sheet, rows 2… ; null when absent. */
function readColumns(
  ss: Spreadsheet,
  key: SheetKey,
  address: readonly string[],
  session?: string,
): { sheet: Sheet; address: unknown[][]; session: unknown[] } | null {
  const sheet = ss.getSheetByName(SHEETS[key].name);
  if (!sheet) return null;
  const last = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (last < 2 || width < 1) return { sheet, address: [], session: [] };
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0].map(normaliseHeader);
  const colOf = (k: string): number => {
    const def = SHEETS[key].columns.find((c) => c.key === k);
    return def ? headers.indexOf(normaliseHeader(def.header)) : -1;
  };
  const addressCols = address.map(colOf).filter((i) => i >= 0);
  const sessionCol = session ? colOf(session) : -1;
  const used = [...addressCols, sessionCol].filter((i) => i >= 0);
  if (used.length === 0) return { sheet, address: [], session: [] };
  // One read of the columns' span: fewer round trips than one per column.
  const lo = Math.min(...used);
  const hi = Math.max(...used);
  const values = sheet.getRange(2, lo + 1, last - 1, hi - lo + 1).getValues();
  return {
    sheet,
    address: values.map((v) => addressCols.map((c) => v[c - lo])),
    session: values.map((v) => (sessionCol >= 0 ? v[sessionCol - lo] : '')),
  };
}

function queuedFor(ctx: Ctx, addresses: Set<string>, sessionIds: Set<string>): QueuedSend[] {
  const queue = ctx.props.getJson<QueuedSend[]>(OUTBOX_QUEUE_KEY) ?? [];
  return queue.filter(
    (q) =>
      cellMatchesAddress(q.meta.phone, addresses) ||
      ('to' in q.out && cellMatchesAddress(q.out.to, addresses)) ||
      (q.meta.sessionId !== '' && sessionIds.has(q.meta.sessionId.toUpperCase())),
  );
}

/** The findings as the sidebar and the menu show them (number masked). */
export function privacyView(findings: CitizenFindings, deleted: boolean): PrivacyResult {
  const sheets: PrivacySheetHits[] = findings.hits.map((h) => ({
    spreadsheet: h.spreadsheet,
    sheet: SHEETS[h.key].name,
    url: h.url,
    count: h.rows.length,
    rows: formatRowRanges(h.rows),
  }));
  return {
    query: maskedQuery(findings.query),
    kind: findings.query.kind,
    sheets,
    total: sheets.reduce((n, s) => n + s.count, 0),
    states: findings.states.length,
    queued: findings.queued,
    deleted,
  };
}

function maskedQuery(q: CitizenQuery): string {
  return String(maskAddress(q.key));
}

/**
 * Deletes everything `findCitizen` finds, after settling an archive batch in flight; logged in
 * `Log Sistem` with the number masked. The caller holds the script lock.
 */
export function deleteCitizen(ctx: Ctx, input: string | number, by: string): PrivacyResult {
  settleArchiveBatch(ctx);
  const findings = findCitizen(ctx, input);
  const { addresses, sessionIds } = findings;
  // States first: the row repair after deleting `Sesi` rows then only concerns other citizens.
  for (const u of findings.states) forgetConversation(ctx, u);
  const queue = ctx.props.getJson<QueuedSend[]>(OUTBOX_QUEUE_KEY) ?? [];
  const drop = new Set(queuedFor(ctx, addresses, sessionIds).map((q) => q.id));
  if (drop.size > 0)
    ctx.props.setJson(
      OUTBOX_QUEUE_KEY,
      queue.filter((q) => !drop.has(q.id)),
    );
  for (const hit of findings.hits) {
    if (hit.main) deleteProductRows(ctx, hit.key, hit.rows);
    else deleteRowsBottomUp(hit.sheet, hit.rows);
  }
  // Their attachments in Drive go too (issue 15).
  const files = deleteSessionMedia(ctx, sessionIds);
  const view = privacyView(findings, true);
  const lines = view.sheets.map((s) => `${s.spreadsheet} › ${s.sheet} ${s.count}`);
  if (files > 0) lines.push(`Lampiran di Drive ${files}`);
  if (view.states > 0) lines.push(render('privacyStateLine', { count: view.states }).replace(/^•\s*/, ''));
  if (view.queued > 0) lines.push(render('privacyQueueLine', { count: view.queued }).replace(/^•\s*/, ''));
  ctx.log(
    'INFO',
    'privasi',
    ctx.t('privacyDeletedLog', { value: view.query, by: by || '-', lines: lines.join('; ') || '0' }),
  );
  return view;
}

/** Lines listing the findings for a person. */
export function findingLines(ctx: Ctx, view: PrivacyResult): string {
  const lines = view.sheets.map((s) =>
    ctx.t('privacyLine', {
      title: s.spreadsheet === MAIN_LABEL ? s.sheet : `${s.spreadsheet} › ${s.sheet}`,
      count: s.count,
      detail: s.rows,
    }),
  );
  if (view.states > 0) lines.push(ctx.t('privacyStateLine', { count: view.states }));
  if (view.queued > 0) lines.push(ctx.t('privacyQueueLine', { count: view.queued }));
  return lines.join('\n');
}

// ---- Sidebar and menu ---------------------------------------------------------------------------

export function apiPrivacyFind(ctx: Ctx, query: string | number): PrivacyResult {
  return privacyView(findCitizen(ctx, query), false);
}

export function apiPrivacyDelete(ctx: Ctx, query: string | number, confirm: boolean): PrivacyResult {
  if (confirm !== true) throw new Error(render('privacyConfirmRequired'));
  const by = activeUserEmail();
  return withScriptLock(() => {
    const view = deleteCitizen(ctx, query, by);
    ctx.flushLogs();
    return view;
  });
}
