/**
 * SpreadsheetApp and Charts: the service objects a script receives (Spreadsheet, Sheet, Range,
 * TextFinder, Protection, DataValidation(Builder), EmbeddedChart(Builder), Ui, Menu), over the
 * model, one module per concept. Writes that only change cells or formats are buffered in the
 * execution (Ctx.defer) and applied at the next read, at flush() and at the end of the execution.
 *
 * Runtime imports go one way: spreadsheet → sheet → range → text-finder, protection, validation,
 * charts → links, shared (ui beside them). What a module hands out from a module above it (a
 * range's sheet, a sheet's spreadsheet, a chart's ranges) it looks up in links.ts, where the
 * module above provides its class as it loads. Import this index, which loads every module.
 */
export { ChartOptionsFacade, ChartsService, ChartType, ContainerInfoFacade } from './charts';
export { EmbeddedChartBuilderFacade, EmbeddedChartFacade } from './charts';
export { ProtectionFacade, ProtectionType } from './protection';
export { RangeFacade } from './range';
export { SheetFacade } from './sheet';
export { SPREADSHEET_MIME, SpreadsheetAppService, SpreadsheetFacade, spreadsheetAs } from './spreadsheet';
export { TextFinderFacade } from './text-finder';
export { MenuFacade, newUiRecord, PromptResponseFacade, UiFacade } from './ui';
export type { HtmlShownRecord, MenuItemRecord, MenuRecord, UiRecord } from './ui';
export { DataValidationBuilderFacade, DataValidationCriteria, DataValidationFacade } from './validation';
export { DEFAULT_COLS, DEFAULT_ROWS } from '../../model';
