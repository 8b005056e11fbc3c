/**
 * DESIGN §5: the layout of a report sheet (`Laporan 2026-W47`) as plain data — the cell values,
 * their weights and backgrounds, and where the charts go — so the app writes it in a few batched
 * calls. Values are display values: numbers stay numbers (charts read them), everything else is
 * text. Nothing personal: no phone numbers, no names of citizens.
 */
import { RATINGS } from '../../domain/rating';
import type { TrendKey, WeeklyReport } from '../../domain/report';
import { dateTimeText, idChange, idPercent, weekRangeText } from '../../domain/report-text';
import { dayNameOf, formatDateLongId, localDateKey } from '../../domain/time';
import {
  CLOSED_BY_LABELS,
  type MessageKey,
  type MessageOverrides,
  RATING_LABELS,
  render,
} from '../../messages/id';

export type LayoutCell = string | number;
export type RowStyle = 'title' | 'subtitle' | 'section' | 'header' | 'body' | 'highlight' | 'total' | 'note';

export interface ChartPlan {
  kind: 'column' | 'line';
  title: string;
  stacked: boolean;
  /** Data block (1-based, header row included): first column is the domain. */
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  /** Top-left cell of the chart. */
  anchorRow: number;
  anchorCol: number;
}

export interface ReportLayout {
  width: number;
  values: LayoutCell[][];
  weights: ('bold' | 'normal')[][];
  backgrounds: string[][];
  styles: RowStyle[];
  charts: ChartPlan[];
  /** Pixel widths of columns 1…width. */
  columnWidths: number[];
}

export const LAYOUT_WIDTH = 10;
const CHART_WIDTH = 520;
const CHART_HEIGHT = 320;
/** Rows a chart covers at the default row height (21 px), plus a gap. */
const CHART_ROWS = 17;

export const CHART_SIZE = { width: CHART_WIDTH, height: CHART_HEIGHT } as const;

const BACKGROUND: Record<RowStyle, string> = {
  title: '#ffffff',
  subtitle: '#ffffff',
  section: '#cfe2f3',
  header: '#eeeeee',
  body: '#ffffff',
  highlight: '#fce5cd',
  total: '#f3f3f3',
  note: '#ffffff',
};

const BOLD: readonly RowStyle[] = ['title', 'section', 'header', 'total'];

class Grid {
  readonly values: LayoutCell[][] = [];
  readonly styles: RowStyle[] = [];

  /** The 1-based row the next `add` writes. */
  get next(): number {
    return this.values.length + 1;
  }

  add(cells: readonly LayoutCell[], style: RowStyle = 'body'): number {
    const row = cells.slice(0, LAYOUT_WIDTH);
    while (row.length < LAYOUT_WIDTH) row.push('');
    this.values.push(row);
    this.styles.push(style);
    return this.values.length;
  }

  blank(): void {
    this.add([], 'body');
  }
}

function num(value: number | null): LayoutCell {
  return value === null ? '–' : value;
}

/** What every section writes to: the grid, the charts, the catalogue, the report. */
interface Page {
  g: Grid;
  charts: ChartPlan[];
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  report: WeeklyReport;
  overrides?: MessageOverrides;
}

function noData({ g, t }: Page): void {
  g.add([t('reportNoData')], 'note');
}

/** Title, week and time of making. */
function title(p: Page, generatedAt: number): void {
  const { g, t, report, overrides } = p;
  const offset = report.week.offset;
  g.add([t('reportTitle', { week: report.week.label })], 'title');
  g.add(
    [t('reportSubtitle', { range: weekRangeText(report, overrides), at: dateTimeText(generatedAt, offset) })],
    'subtitle',
  );
  g.blank();
}

/** Summary, complaints first (the SOP's "jumlah pengaduan"). */
function summary(p: Page): void {
  const { g, t, report } = p;
  const s = report.sessions;
  g.add([t('reportSectionSummary')], 'section');
  g.add([t('reportColItem'), t('reportColValue')], 'header');
  g.add([t('reportRowSessions'), s.total], 'total');
  g.add([t('reportRowComplaints'), s.complaints], 'highlight');
  for (const c of s.complaintsByBidang) {
    const bidang = c.bidang === '' ? t('reportNoBidang') : c.bidang;
    g.add([t('reportRowComplaintsBidang', { bidang }), c.count], 'highlight');
  }
  g.add([t('reportRowConsultations'), s.consultations]);
  g.add([t('reportRowBidang', { bidang: 'Koperasi' }), s.koperasi]);
  g.add([t('reportRowBidang', { bidang: 'UKM' }), s.ukm]);
  g.add([t('reportRowInHours'), s.inHours]);
  g.add([t('reportRowOutOfHours'), s.outOfHours]);
  g.add([t('reportRowWhatsApp'), s.whatsapp]);
  g.add([t('reportRowManual'), s.manual]);
  g.add([t('reportRowUnclassified'), s.unclassified], 'note');
  g.blank();
}

/** Jenis × Bidang (chart: one group per Jenis, a bar per Bidang). */
function jenisBidang(p: Page): void {
  const { g, t, report, charts } = p;
  const s = report.sessions;
  g.add([t('reportSectionJenisBidang')], 'section');
  const withoutBidang = s.byJenisBidang.some((r) => r.bidang === '');
  const jbHeader = g.add(
    [
      t('reportColJenis'),
      'Koperasi',
      'UKM',
      ...(withoutBidang ? [t('reportNoBidang')] : []),
      t('reportColCount'),
    ],
    'header',
  );
  for (const jenis of ['Pengaduan', 'Konsultasi'] as const) {
    const of = (bidang: string): number =>
      s.byJenisBidang.find((r) => r.jenis === jenis && r.bidang === bidang)?.count ?? 0;
    const total = s.byJenisBidang.filter((r) => r.jenis === jenis).reduce((a, r) => a + r.count, 0);
    g.add(
      [jenis, of('Koperasi'), of('UKM'), ...(withoutBidang ? [of('')] : []), total],
      jenis === 'Pengaduan' ? 'highlight' : 'body',
    );
  }
  g.add(
    [
      t('reportRowTotal'),
      s.koperasi,
      s.ukm,
      ...(withoutBidang ? [s.total - s.koperasi - s.ukm] : []),
      s.total,
    ],
    'total',
  );
  charts.push({
    kind: 'column',
    title: t('reportChartJenisBidang'),
    stacked: false,
    row: jbHeader,
    col: 1,
    numRows: 3,
    numCols: 3,
    anchorRow: 0,
    anchorCol: 0,
  });
  g.blank();
}

/** Jenis × Bidang × Topik. */
function topics(p: Page): void {
  const { g, t, report } = p;
  const s = report.sessions;
  g.add([t('reportSectionTopics')], 'section');
  g.add([t('reportColJenis'), t('reportColBidang'), t('reportColTopic'), t('reportColCount')], 'header');
  for (const r of s.byTopic) {
    g.add(
      [r.jenis, r.bidang || t('reportNoBidang'), r.topic || t('reportNoTopic'), r.count],
      r.jenis === 'Pengaduan' ? 'highlight' : 'body',
    );
  }
  if (s.byTopic.length === 0) noData(p);
  g.blank();
}

/** Channels. */
function channels(p: Page): void {
  const { g, t, report } = p;
  const s = report.sessions;
  g.add([t('reportSectionChannels')], 'section');
  g.add([t('reportColChannel'), t('reportColCount')], 'header');
  for (const c of s.byChannel) g.add([c.channel, c.count]);
  g.blank();
}

/** Days (chart: stacked consultations and complaints). */
function days(p: Page): void {
  const { g, t, report, charts } = p;
  const s = report.sessions;
  g.add([t('reportSectionDays')], 'section');
  const dayHeader = g.add(
    [t('reportColDay'), t('reportRowConsultations'), t('reportRowComplaints'), t('reportColCount')],
    'header',
  );
  for (const d of s.byDay) {
    g.add([
      `${dayNameOf(d.date)}, ${d.date.slice(8, 10)}/${d.date.slice(5, 7)}`,
      d.consultations,
      d.complaints,
      d.total,
    ]);
  }
  g.add([t('reportRowTotal'), s.consultations, s.complaints, s.total], 'total');
  charts.push({
    kind: 'column',
    title: t('reportChartDays'),
    stacked: true,
    row: dayHeader,
    col: 1,
    numRows: 8,
    numCols: 3,
    anchorRow: 0,
    anchorCol: 0,
  });
  g.blank();
}

/** Waiting time and length. */
function times(p: Page): void {
  const { g, t, report } = p;
  g.add([t('reportSectionTimes')], 'section');
  g.add([t('reportColMeasure'), t('reportColSessions'), t('reportColMedian'), t('reportColP90')], 'header');
  const times: [MessageKey, typeof report.waiting][] = [
    ['reportRowWaitAll', report.waiting],
    ['reportRowWaitInHours', report.waitingInHours],
    ['reportRowLength', report.length],
  ];
  for (const [key, d] of times) g.add([t(key), d.count, num(d.medianMin), num(d.p90Min)]);
  g.blank();
}

/** Endings. */
function endings(p: Page): void {
  const { g, t, report } = p;
  g.add([t('reportSectionEndings')], 'section');
  g.add([t('reportColClosedBy'), t('reportColCount')], 'header');
  g.add([CLOSED_BY_LABELS.user, report.endings.user]);
  g.add([CLOSED_BY_LABELS.petugas, report.endings.petugas]);
  g.add([CLOSED_BY_LABELS['waktu habis'], report.endings.timeout]);
  g.add([t('reportRowOpen'), report.endings.open]);
  g.blank();
}

/** Ratings and the indicative IKM. */
function ratings(p: Page): void {
  const { g, t, report, charts } = p;
  const r = report.ratings;
  g.add([t('reportSectionRatings')], 'section');
  const ratingHeader = g.add([t('reportColRating'), t('reportColCount')], 'header');
  for (const level of RATINGS) g.add([`${level} – ${RATING_LABELS[level]}`, r.counts[level]]);
  charts.push({
    kind: 'column',
    title: t('reportChartRatings'),
    stacked: false,
    row: ratingHeader,
    col: 1,
    numRows: 5,
    numCols: 2,
    anchorRow: 0,
    anchorCol: 0,
  });
  g.add([t('reportRowAsked'), r.asked]);
  g.add([t('reportRowRated'), r.count]);
  g.add([t('reportRowResponseRate'), r.responseRate === null ? '–' : idPercent(r.responseRate)]);
  g.add([t('reportRowMean'), num(r.mean)]);
  g.add([t('reportRowIkm'), num(r.ikm)], 'total');
  g.add([t('reportRowIkmBand'), r.band ? `${r.band.grade} – ${r.band.label}` : '–'], 'total');
  g.add([t('reportIkmNote')], 'note');
  g.blank();
}

/** Content per platform. */
function platforms(p: Page): void {
  const { g, t, report } = p;
  g.add([t('reportSectionContent')], 'section');
  g.add(
    [
      t('reportColPlatform'),
      t('reportColItems'),
      t('reportColViews'),
      t('reportColLikes'),
      t('reportColComments'),
      t('reportColShares'),
      t('reportColSaves'),
      t('reportColLiveViewers'),
      t('reportColQuestions'),
      t('reportColEngagement'),
    ],
    'header',
  );
  const content = report.content;
  const platformRows = [...content.platforms, { ...content.total, platform: t('reportRowTotal') }];
  platformRows.forEach((p, i) => {
    g.add(
      [
        p.platform,
        p.items,
        p.views,
        p.likes,
        p.comments,
        p.shares,
        p.saves,
        p.liveViewers,
        p.questions,
        p.engagementRate === null ? '–' : idPercent(p.engagementRate),
      ],
      i === platformRows.length - 1 ? 'total' : 'body',
    );
  });
  g.add([t('reportContentNote')], 'note');
  g.blank();
}

/** Publications of the week. */
function publications(p: Page): void {
  const { g, t, report } = p;
  const offset = report.week.offset;
  const content = report.content;
  g.add([t('reportSectionPublications')], 'section');
  g.add(
    [
      t('reportColContentId'),
      t('reportColPublishDate'),
      t('reportColTheme'),
      t('reportColTopic'),
      t('reportColStatus'),
    ],
    'header',
  );
  for (const pub of [...content.publications, ...content.unpublished]) {
    const date = pub.publishDate === null ? '' : formatDateLongId(localDateKey(pub.publishDate, offset));
    g.add([pub.id, date, pub.theme, pub.topic, pub.status]);
  }
  if (content.publications.length + content.unpublished.length === 0) noData(p);
  g.blank();
}

/** Tasks late or not done. */
function lateTasks(p: Page): void {
  const { g, t, report } = p;
  const offset = report.week.offset;
  const tasks = report.tasks;
  g.add([t('reportSectionTasks')], 'section');
  g.add(
    [
      t('reportTasksSummary', {
        due: tasks.due,
        onTime: tasks.onTime,
        late: tasks.late.length,
        notDone: tasks.notDone.length,
      }),
    ],
    'note',
  );
  g.add(
    [
      t('reportColState'),
      t('reportColContentId'),
      t('reportColTask'),
      t('reportColTeam'),
      t('reportColDue'),
      t('reportColDone'),
    ],
    'header',
  );
  const taskRow = (state: string, line: (typeof tasks.late)[number]): LayoutCell[] => [
    state,
    line.contentId,
    line.task,
    line.team,
    dateTimeText(line.due, offset),
    line.doneAt === null ? '–' : dateTimeText(line.doneAt, offset),
  ];
  for (const line of tasks.late) g.add(taskRow(t('reportTaskLate'), line));
  for (const line of tasks.notDone) g.add(taskRow(t('reportTaskNotDone'), line), 'highlight');
  if (tasks.late.length + tasks.notDone.length === 0) noData(p);
  g.blank();
}

/** Trend of five weeks (chart: sessions, consultations and complaints). */
function trend(p: Page): void {
  const { g, t, report, charts } = p;
  g.add([t('reportSectionTrend')], 'section');
  const trendColumns: [TrendKey, MessageKey][] = [
    ['sessions', 'reportColSessions'],
    ['consultations', 'reportRowConsultations'],
    ['complaints', 'reportRowComplaints'],
    ['outOfHours', 'reportColOutOfHours'],
    ['medianWaitMin', 'reportColMedianWait'],
    ['meanRating', 'reportColMeanRating'],
    ['ikm', 'reportColIkm'],
    ['views', 'reportColViews'],
  ];
  const trendHeader = g.add([t('reportColWeek'), ...trendColumns.map(([, key]) => t(key))], 'header');
  const rowOf = (key: TrendKey) => report.trend.rows.find((x) => x.key === key);
  report.trend.weeks.forEach((label, i) => {
    const cells = trendColumns.map(([key]) => rowOf(key)?.values[i] ?? '');
    g.add([label, ...cells], i === report.trend.weeks.length - 1 ? 'total' : 'body');
  });
  g.add(
    [t('reportRowPreviousMean'), ...trendColumns.map(([key]) => rowOf(key)?.previousMean ?? '–')],
    'note',
  );
  g.add(
    [
      t('reportRowChange'),
      ...trendColumns.map(([key]) => {
        const change = rowOf(key)?.change;
        return change === null || change === undefined ? '–' : idChange(change);
      }),
    ],
    'note',
  );
  charts.push({
    kind: 'line',
    title: t('reportChartTrend'),
    stacked: false,
    row: trendHeader,
    col: 1,
    numRows: 6,
    numCols: 4,
    anchorRow: 0,
    anchorCol: 0,
  });
  g.blank();
}

/** Charts below the tables, two side by side, so the PDF reads top to bottom. */
function placeCharts({ g, charts }: Page): void {
  const top = g.next + 1;
  charts.forEach((chart, i) => {
    chart.anchorRow = top + Math.floor(i / 2) * CHART_ROWS;
    chart.anchorCol = i % 2 === 0 ? 1 : 5;
  });
}

/** The sections below the title, top to bottom. */
const SECTIONS: readonly ((p: Page) => void)[] = [
  summary,
  jenisBidang,
  topics,
  channels,
  days,
  times,
  endings,
  ratings,
  platforms,
  publications,
  lateTasks,
  trend,
];

/** The whole sheet: one section after another, then the charts below the tables. */
export function reportLayout(
  report: WeeklyReport,
  generatedAt: number,
  overrides?: MessageOverrides,
): ReportLayout {
  const p: Page = {
    g: new Grid(),
    charts: [],
    t: (key, vars) => render(key, vars, overrides),
    report,
    overrides,
  };
  title(p, generatedAt);
  for (const section of SECTIONS) section(p);
  placeCharts(p);
  const { g, charts } = p;
  return {
    width: LAYOUT_WIDTH,
    values: g.values,
    weights: g.styles.map((style) => new Array(LAYOUT_WIDTH).fill(BOLD.includes(style) ? 'bold' : 'normal')),
    backgrounds: g.styles.map((style) => new Array(LAYOUT_WIDTH).fill(BACKGROUND[style])),
    styles: g.styles,
    charts,
    columnWidths: [300, ...new Array<number>(LAYOUT_WIDTH - 1).fill(110)],
  };
}
