// The charts of a sheet (report sheets insert column/bar/pie charts) as plain series the /sheets
// page draws as SVG bars: the first column of the first range gives the labels, every other column
// (of that range or the next ones) a series; a text first row names the series.

import { type ChartSpec, grid, type SheetModel, type SpreadsheetModel } from '../emulator/model';

export interface ChartView {
  id: number;
  type: string;
  title: string;
  labels: string[];
  series: { name: string; values: number[] }[];
}

type Grid = unknown[][];

function rangeValues(ss: SpreadsheetModel, r: ChartSpec['ranges'][number]): Grid {
  const sheet = ss.getSheetById(r.sheetId);
  if (!sheet) return [];
  return grid(r, (row, col) => sheet.value(row, col));
}

function label(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v === null || v === undefined ? '' : String(v);
}

function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return 0;
}

export function chartView(ss: SpreadsheetModel, spec: ChartSpec): ChartView {
  const grids = spec.ranges.map((r) => rangeValues(ss, r));
  const title = typeof spec.options.title === 'string' ? spec.options.title : '';
  const view: ChartView = { id: spec.id, type: spec.type, title, labels: [], series: [] };
  if (!grids.length || !grids[0].length) return view;
  const height = Math.max(...grids.map((g) => g.length));
  const labelsCol: unknown[] = grids[0].map((row) => row[0]);
  const columns: unknown[][] = [];
  grids.forEach((g, gi) => {
    const width = g[0]?.length ?? 0;
    for (let j = gi === 0 ? 1 : 0; j < width; j++) columns.push(g.map((row) => row[j]));
  });
  if (!columns.length) return view;
  const headerRow = columns.every((col) => typeof col[0] === 'string' && !Number.isFinite(Number(col[0])));
  const start = headerRow ? 1 : 0;
  const keep: number[] = [];
  for (let i = start; i < height; i++) {
    if (label(labelsCol[i]) !== '' || columns.some((col) => col[i] !== '' && col[i] !== undefined))
      keep.push(i);
  }
  view.labels = keep.map((i) => label(labelsCol[i]));
  view.series = columns.map((col, j) => ({
    name: headerRow ? label(col[0]) : `Seri ${j + 1}`,
    values: keep.map((i) => num(col[i])),
  }));
  return view;
}

export function sheetCharts(ss: SpreadsheetModel, sheet: SheetModel): ChartView[] {
  return sheet.charts.map((c) => chartView(ss, c));
}
