/** Charts and embedded charts (Sheet.newChart, getCharts): builders, options, positions. */
import { GasError, MSG } from '../../errors';
import { type Ctx, Facade, instrument } from '../../execution';
import type { ChartSpec, SheetModel } from '../../model';
import { linked, rectOfRange } from './links';
import type { RangeFacade } from './range';
import { clone, toInt } from './shared';

export const ChartType = Object.fromEntries(
  [
    'AREA',
    'BAR',
    'BUBBLE',
    'CANDLESTICK',
    'COLUMN',
    'COMBO',
    'GAUGE',
    'GEO',
    'HISTOGRAM',
    'RADAR',
    'LINE',
    'ORG',
    'PIE',
    'SCATTER',
    'SPARKLINE',
    'STEPPED_AREA',
    'TABLE',
    'TIMELINE',
    'TREEMAP',
    'WATERFALL',
  ].map((k) => [k, k]),
);

export class ChartsService extends Facade {
  readonly ChartType = ChartType;
}
instrument(ChartsService, 'Charts');

export class ChartOptionsFacade extends Facade {
  constructor(
    ctx: Ctx,
    private readonly options: Record<string, unknown>,
  ) {
    super(ctx);
  }

  get(option: string): unknown {
    return this.options[option] ?? null;
  }

  getOrDefault(option: string): unknown {
    return this.options[option] ?? null;
  }
}
instrument(ChartOptionsFacade, 'SpreadsheetApp.ChartOptions');

export class ContainerInfoFacade extends Facade {
  constructor(
    ctx: Ctx,
    private readonly pos: ChartSpec['position'],
  ) {
    super(ctx);
  }

  getAnchorRow(): number {
    return this.pos.row;
  }

  getAnchorColumn(): number {
    return this.pos.col;
  }

  getOffsetX(): number {
    return this.pos.offsetX;
  }

  getOffsetY(): number {
    return this.pos.offsetY;
  }
}
instrument(ContainerInfoFacade, 'SpreadsheetApp.ContainerInfo');

function chartRanges(ctx: Ctx, sheet: SheetModel, spec: ChartSpec): RangeFacade[] {
  const Range = linked('Range');
  return spec.ranges.map((r) => {
    const s = sheet.parent.getSheetById(r.sheetId) ?? sheet;
    return new Range(ctx, s, { r: r.r, c: r.c, nr: r.nr, nc: r.nc });
  });
}

export class EmbeddedChartFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetModel,
    readonly _spec: ChartSpec,
  ) {
    super(ctx);
  }

  getChartId(): number | null {
    return this._spec.id >= 0 ? this._spec.id : null;
  }

  getId(): string {
    return `u${this._spec.id}`;
  }

  /** Not in Google's API: the chart type, for the playground. */
  getChartType(): string {
    return this._spec.type;
  }

  getRanges(): RangeFacade[] {
    return chartRanges(this._ctx, this._sheet, this._spec);
  }

  getOptions(): ChartOptionsFacade {
    return new ChartOptionsFacade(this._ctx, clone(this._spec.options));
  }

  getContainerInfo(): ContainerInfoFacade {
    return new ContainerInfoFacade(this._ctx, { ...this._spec.position });
  }

  modify(): EmbeddedChartBuilderFacade {
    return new EmbeddedChartBuilderFacade(this._ctx, this._sheet, clone(this._spec));
  }
}
instrument(EmbeddedChartFacade, 'SpreadsheetApp.EmbeddedChart');

export class EmbeddedChartBuilderFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetModel,
    readonly _spec: ChartSpec,
  ) {
    super(ctx);
  }

  setChartType(type: string): EmbeddedChartBuilderFacade {
    if (!(String(type) in ChartType)) throw new GasError(MSG.invalidArgument('type'));
    this._spec.type = String(type);
    return this;
  }

  getChartType(): string {
    return this._spec.type;
  }

  addRange(range: RangeFacade): EmbeddedChartBuilderFacade {
    const { sheet, rect } = rectOfRange(range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange');
    this._spec.ranges.push({ ...rect, sheetId: sheet.id });
    return this;
  }

  removeRange(range: RangeFacade): EmbeddedChartBuilderFacade {
    const { sheet, rect } = rectOfRange(range, 'SpreadsheetApp.EmbeddedChartBuilder.removeRange');
    this._spec.ranges = this._spec.ranges.filter(
      (r) =>
        !(r.sheetId === sheet.id && r.r === rect.r && r.c === rect.c && r.nr === rect.nr && r.nc === rect.nc),
    );
    return this;
  }

  clearRanges(): EmbeddedChartBuilderFacade {
    this._spec.ranges = [];
    return this;
  }

  getRanges(): RangeFacade[] {
    return chartRanges(this._ctx, this._sheet, this._spec);
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilderFacade {
    this._spec.position = {
      row: toInt(anchorRowPos),
      col: toInt(anchorColPos),
      offsetX: toInt(offsetX),
      offsetY: toInt(offsetY),
    };
    return this;
  }

  setOption(option: string, value: unknown): EmbeddedChartBuilderFacade {
    this._spec.options[String(option)] = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    return this;
  }

  setTitle(title: string): EmbeddedChartBuilderFacade {
    return this.setOption('title', String(title));
  }

  private _as(type: string): EmbeddedChartBuilderFacade {
    this._spec.type = type;
    return this;
  }

  asLineChart(): EmbeddedChartBuilderFacade {
    return this._as('LINE');
  }

  asColumnChart(): EmbeddedChartBuilderFacade {
    return this._as('COLUMN');
  }

  asBarChart(): EmbeddedChartBuilderFacade {
    return this._as('BAR');
  }

  asPieChart(): EmbeddedChartBuilderFacade {
    return this._as('PIE');
  }

  asAreaChart(): EmbeddedChartBuilderFacade {
    return this._as('AREA');
  }

  asTableChart(): EmbeddedChartBuilderFacade {
    return this._as('TABLE');
  }

  build(): EmbeddedChartFacade {
    return new EmbeddedChartFacade(this._ctx, this._sheet, clone(this._spec));
  }
}
instrument(EmbeddedChartBuilderFacade, 'SpreadsheetApp.EmbeddedChartBuilder');
