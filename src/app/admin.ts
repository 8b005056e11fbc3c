// The spreadsheet menu and the administrative actions behind it: set up the spreadsheet, install
// the one `tick` trigger, open the sidebar and the settings dialog.

import { ENTRY } from '../entrypoints';
import { render } from '../messages/id';
import { withScriptLock } from '../platform/lock';
import type { SetupReport } from '../store/setup';
import { setupSpreadsheet } from '../store/setup';
import { forgetConfig } from './config';
import { Ctx } from './context';
import { replanJobs } from './scheduler';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  // Under AuthMode.NONE (add-on not yet used in this document) only the menu may be built.
  ui.createAddonMenu()
    .addItem(render('addonOpenSidebar'), ENTRY.menuOpenSidebar)
    .addItem(render('addonSetup'), ENTRY.menuSetup)
    .addItem(render('addonSettings'), ENTRY.menuSettings)
    .addSeparator()
    .addItem(render('addonReportNow'), ENTRY.menuWeeklyReport)
    .addItem(render('addonPlanContent'), ENTRY.menuPlanContent)
    .addSeparator()
    .addItem(render('addonArchive'), ENTRY.menuArchiveNow)
    .addItem(render('addonCitizenData'), ENTRY.menuCitizenData)
    .addSeparator()
    .addItem(render('addonHelp'), ENTRY.menuHelp)
    .addToUi();
  void e;
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  // Only a published add-on is installed: its triggers may run at most hourly.
  PropertiesService.getScriptProperties().setProperty('cfg:addon', 'true');
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** True when running as a published Editor add-on (triggers at most hourly). */
export function isAddOn(): boolean {
  try {
    // A bound script has a container; an add-on's ScriptApp reports AuthMode on events only, so
    // the deployment marks itself with a property set at install time.
    return PropertiesService.getScriptProperties().getProperty('cfg:addon') === 'true';
  } catch {
    return false;
  }
}

/** Exactly one time-driven trigger for `tick`: every minute (bound) or hourly (add-on). */
export function ensureTickTrigger(): { created: boolean; everyMinutes: number } {
  const existing = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === ENTRY.tick);
  const addOn = isAddOn();
  const everyMinutes = addOn ? 60 : 1;
  if (existing.length === 1) return { created: false, everyMinutes };
  for (const t of existing) ScriptApp.deleteTrigger(t);
  const builder = ScriptApp.newTrigger(ENTRY.tick).timeBased();
  if (addOn) builder.everyHours(1).create();
  else builder.everyMinutes(1).create();
  return { created: true, everyMinutes };
}

export function runSetup(): SetupReport & { trigger: { created: boolean; everyMinutes: number } } {
  return withScriptLock(() => {
    const ctx = new Ctx();
    const report = setupSpreadsheet(ctx.ss);
    ctx.db.forgetHeaders();
    forgetConfig(ctx.cache);
    replanJobs(ctx);
    const trigger = ensureTickTrigger();
    return { ...report, trigger };
  });
}

export function menuSetup(): void {
  const report = runSetup();
  SpreadsheetApp.getUi().alert(
    render('setupDone', {
      created: report.createdSheets.length,
      repaired: new Set(report.addedColumns.map((c) => c.split('!')[0])).size,
    }),
  );
}

export function menuOpenSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(render('sidebarTitle'));
  SpreadsheetApp.getUi().showSidebar(html);
}

export function menuSettings(): void {
  const html = HtmlService.createHtmlOutputFromFile('Settings').setWidth(480).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, render('settingsTitle'));
}

export function menuHelp(): void {
  SpreadsheetApp.getUi().alert(render('helpText'));
}

/** Simple trigger: edits of the configuration sheets refresh the cached configuration. */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    const name = e?.range?.getSheet().getName() ?? '';
    if (!['Pengaturan', 'Hari Libur', 'Penanggung Jawab'].includes(name) && e?.range?.getRow() !== 1) return;
    const cache = CacheService.getScriptCache();
    cache.remove('cfg:v1');
    if (e?.range?.getRow() === 1) cache.remove(`hdr:${name}`);
  } catch {
    // simple triggers must never fail visibly
  }
}
