// The spreadsheet menu and the administrative actions behind it: set up the spreadsheet, install
// the one `tick` trigger, open the sidebar and the settings dialog.

import { ENTRY } from '../entrypoints';
import { render } from '../messages/id';
import { scriptCache } from '../platform/cache';
import { withScriptLock } from '../platform/lock';
import { scriptProperty, setScriptProperty } from '../platform/props';
import { ensureTimeTrigger } from '../platform/script';
import { alert, showDialog, showSidebar, spreadsheetUi } from '../platform/ui';
import { headerCacheKey } from '../store/db';
import { SHEETS } from '../store/schema';
import type { SetupReport } from '../store/setup';
import { setupSpreadsheet } from '../store/setup';
import { CONFIG_CACHE_KEY, forgetConfig } from './config';
import { Ctx } from './context';
import { replanJobs } from './scheduler';

/** Script Property set at install time: this deployment is a published add-on. */
export const ADDON_KEY = 'cfg:addon';

/** The sheets whose edits change the configuration snapshot (app/config.ts). */
const CONFIG_SHEETS: readonly string[] = [SHEETS.settings.name, SHEETS.holidays.name, SHEETS.officers.name];

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = spreadsheetUi();
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
  setScriptProperty(ADDON_KEY, 'true');
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** True when running as a published Editor add-on (triggers at most hourly). */
export function isAddOn(): boolean {
  try {
    // A bound script has a container; an add-on's ScriptApp reports AuthMode on events only, so
    // the deployment marks itself with a property set at install time.
    return scriptProperty(ADDON_KEY) === 'true';
  } catch {
    return false;
  }
}

/** Exactly one time-driven trigger for `tick`: every minute (bound) or hourly (add-on). */
export function ensureTickTrigger(): { created: boolean; everyMinutes: number } {
  const addOn = isAddOn();
  const created = ensureTimeTrigger(ENTRY.tick, addOn ? 'hour' : 'minute');
  return { created, everyMinutes: addOn ? 60 : 1 };
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
  alert(
    render('setupDone', {
      created: report.createdSheets.length,
      repaired: new Set(report.addedColumns.map((c) => c.split('!')[0])).size,
    }),
  );
}

export function menuOpenSidebar(): void {
  showSidebar('Sidebar', render('sidebarTitle'));
}

export function menuSettings(): void {
  showDialog('Settings', render('settingsTitle'), 480, 560);
}

export function menuHelp(): void {
  alert(render('helpText'));
}

/** Simple trigger: edits of the configuration sheets refresh the cached configuration. */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    const name = e?.range?.getSheet().getName() ?? '';
    if (!CONFIG_SHEETS.includes(name) && e?.range?.getRow() !== 1) return;
    const cache = scriptCache();
    cache.remove(CONFIG_CACHE_KEY);
    if (e?.range?.getRow() === 1) cache.remove(headerCacheKey(name));
  } catch {
    // simple triggers must never fail visibly
  }
}
