// /sheets — every sheet of the emulated spreadsheet as staff see it in Google Sheets: a tab per
// sheet, column letters, row numbers, the header row, the values as displayed, the report charts
// drawn as simple SVG bars; refreshed every two seconds.

import type { ChartView } from '../charts';
import { byId, clear, getJson, h, startHeader } from './common';

interface SheetInfo {
  name: string;
  rows: number;
  columns: number;
  hidden: boolean;
  charts: number;
}

interface SheetData {
  headers: string[];
  rows: unknown[][];
}

let sheets: SheetInfo[] = [];
let current = decodeURIComponent(location.hash.slice(1)) || '';
let lastKey = '';

function letters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function renderTabs(): void {
  const tabs = byId('tabs');
  clear(tabs);
  for (const s of sheets) {
    const tab = h('button', {
      type: 'button',
      role: 'tab',
      class: s.hidden ? 'tab hidden-sheet' : 'tab',
      'aria-selected': s.name === current ? 'true' : 'false',
      title: s.hidden ? `${s.name} (tersembunyi)` : s.name,
      text: s.name,
    });
    tab.addEventListener('click', () => {
      current = s.name;
      history.replaceState(null, '', '#' + encodeURIComponent(s.name));
      lastKey = '';
      renderTabs();
      void refresh();
    });
    tabs.appendChild(tab);
  }
}

function renderGrid(data: SheetData): void {
  const table = byId<HTMLTableElement>('grid');
  clear(table);
  const width = Math.max(data.headers.length, ...data.rows.map((r) => r.length), 1);
  const head = h('thead');
  const letterRow = h('tr', {}, h('th', { class: 'corner', scope: 'col' }));
  for (let c = 1; c <= width; c++)
    letterRow.appendChild(h('th', { class: 'col-letter', scope: 'col', text: letters(c) }));
  head.appendChild(letterRow);
  const headerRow = h(
    'tr',
    { class: 'header-row' },
    h('th', { class: 'row-number', scope: 'row', text: '1' }),
  );
  for (let c = 0; c < width; c++)
    headerRow.appendChild(h('th', { scope: 'col', text: cellText(data.headers[c]) }));
  head.appendChild(headerRow);
  table.appendChild(head);
  const body = h('tbody');
  data.rows.forEach((row, i) => {
    const tr = h('tr', {}, h('th', { class: 'row-number', scope: 'row', text: String(i + 2) }));
    for (let c = 0; c < width; c++) {
      const v = row[c];
      tr.appendChild(h('td', { class: typeof v === 'number' ? 'num' : undefined, text: cellText(v) }));
    }
    body.appendChild(tr);
  });
  table.appendChild(body);
}

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#1a73e8', '#e8710a', '#188038', '#d93025', '#9334e6', '#12b5cb'];

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Horizontal bars: one group per label, one bar per series. */
export function barChart(chart: ChartView): SVGElement {
  const n = chart.series.length || 1;
  const barH = 14;
  const groupH = n * barH + 8;
  const labelW = 170;
  const plotW = 320;
  const top = 8;
  const legendH = n > 1 ? 22 : 0;
  const height = top + chart.labels.length * groupH + legendH + 8;
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values.filter((v) => Number.isFinite(v))));
  const root = svg('svg', { viewBox: `0 0 ${labelW + plotW + 60} ${height}`, role: 'img', class: 'bars' });
  root.appendChild(svg('title', {}, chart.title || 'Grafik'));
  chart.labels.forEach((label, i) => {
    const y = top + i * groupH;
    root.appendChild(
      svg('text', { x: labelW - 6, y: y + (n * barH) / 2 + 4, 'text-anchor': 'end', class: 'label' }, label),
    );
    chart.series.forEach((s, j) => {
      const v = Number.isFinite(s.values[i]) ? s.values[i] : 0;
      const w = Math.max(0, (v / max) * plotW);
      const by = y + j * barH;
      root.appendChild(
        svg('rect', { x: labelW, y: by, width: w, height: barH - 2, fill: COLORS[j % COLORS.length] }),
      );
      root.appendChild(svg('text', { x: labelW + w + 4, y: by + barH - 4, class: 'value' }, String(v)));
    });
  });
  if (n > 1) {
    let x = labelW;
    const y = height - legendH + 6;
    chart.series.forEach((s, j) => {
      root.appendChild(svg('rect', { x, y, width: 10, height: 10, fill: COLORS[j % COLORS.length] }));
      const t = svg('text', { x: x + 14, y: y + 9, class: 'legend' }, s.name);
      root.appendChild(t);
      x += 24 + s.name.length * 7;
    });
  }
  return root;
}

function renderCharts(charts: ChartView[]): void {
  const box = byId('charts');
  clear(box);
  box.hidden = charts.length === 0;
  for (const c of charts) {
    const fig = h('figure', { class: 'chart' });
    fig.appendChild(h('figcaption', { text: `${c.title || 'Grafik'} (${c.type.toLowerCase()})` }));
    if (c.labels.length && c.series.length) fig.appendChild(barChart(c));
    else fig.appendChild(h('p', { class: 'hint', text: 'Grafik ini belum berisi data.' }));
    box.appendChild(fig);
  }
}

async function refresh(): Promise<void> {
  try {
    const list = await getJson<SheetInfo[]>('/_dev/sheets');
    const names = list.map((s) => s.name).join('\n');
    if (
      names !== sheets.map((s) => s.name).join('\n') ||
      list.some((s, i) => s.hidden !== sheets[i]?.hidden)
    ) {
      sheets = list;
      if (!sheets.some((s) => s.name === current))
        current = sheets.find((s) => !s.hidden)?.name ?? sheets[0]?.name ?? '';
      renderTabs();
    }
    sheets = list;
    if (!current) return;
    const name = encodeURIComponent(current);
    const [data, charts] = await Promise.all([
      getJson<SheetData>(`/_dev/sheets/${name}?display=1`),
      getJson<ChartView[]>(`/_dev/charts/${name}`),
    ]);
    const key = JSON.stringify([current, data, charts]);
    if (key === lastKey) return;
    lastKey = key;
    byId('summary').textContent = `${current}: ${data.rows.length} baris data, ${data.headers.length} kolom.`;
    renderCharts(charts);
    renderGrid(data);
  } catch (err) {
    byId('summary').textContent = `Gagal memuat: ${(err as Error).message}`;
  }
}

function init(): void {
  startHeader();
  void refresh();
  setInterval(() => {
    if (byId<HTMLInputElement>('auto').checked) void refresh();
  }, 2000);
}

init();
