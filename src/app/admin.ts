// The spreadsheet menu and the administrative actions behind it: set up the spreadsheet, install
// the one `tick` trigger, open the sidebar and the settings dialog.

import { ENTRY } from '../entrypoints';
import { render } from '../messages/id';
import { scriptCache } from '../platform/cache';
import { withScriptLock } from '../platform/lock';
import type { Props } from '../platform/props';
import { scriptProperty, setScriptProperty } from '../platform/props';
import { ensureTimeTrigger, removeTimeTriggers } from '../platform/script';
import { alert, showDialog, showSidebar, spreadsheetUi } from '../platform/ui';
import { effectiveUserEmail } from '../platform/user';
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

/**
 * Script Property: the one account whose `tick` trigger runs the service (recorded at the first
 * setup, by the account that deployed the web app). A trigger runs as the user who created it, on
 * that user's quotas, and each user sees only their own triggers: if every editor who runs setup
 * installed one, each would get an every-minute `tick` sending mail as them.
 */
export const TRIGGER_OWNER_KEY = 'cfg:triggerOwner';

export interface TickTriggerReport {
  /** A trigger was (re)created for the running account. */
  created: boolean;
  everyMinutes: number;
  /** The account the trigger runs as ('' when Apps Script cannot tell). */
  owner: string;
  /** The running account is the trigger's owner. */
  mine: boolean;
  /** The running account's own `tick` triggers removed because it is not the owner. */
  removed: number;
}

/** The account that owns the `tick` trigger ('' before the first setup). */
export function tickTriggerOwner(props: Props): string {
  return props.get(TRIGGER_OWNER_KEY) ?? '';
}

/**
 * Exactly one time-driven trigger for `tick` (every minute bound, hourly as an add-on), and only
 * for the owner: the first account to run setup becomes it; any other editor gets none (and loses
 * one left over from before), and is told so.
 */
export function ensureTickTrigger(props: Props): TickTriggerReport {
  const addOn = isAddOn();
  const everyMinutes = addOn ? 60 : 1;
  const me = effectiveUserEmail();
  let owner = tickTriggerOwner(props);
  if (!owner && me) {
    owner = me;
    props.set(TRIGGER_OWNER_KEY, me);
  }
  if (owner && owner.toLowerCase() !== me.toLowerCase()) {
    return { created: false, everyMinutes, owner, mine: false, removed: removeTimeTriggers(ENTRY.tick) };
  }
  const created = ensureTimeTrigger(ENTRY.tick, addOn ? 'hour' : 'minute');
  return { created, everyMinutes, owner, mine: true, removed: 0 };
}

export function runSetup(): SetupReport & { trigger: TickTriggerReport } {
  return withScriptLock(() => {
    const ctx = new Ctx();
    const report = setupSpreadsheet(ctx.ss);
    ctx.db.forgetHeaders();
    forgetConfig(ctx.cache);
    replanJobs(ctx);
    const trigger = ensureTickTrigger(ctx.props);
    return { ...report, trigger };
  });
}

/** What setup did, in Indonesian: sheets created or repaired, and whose trigger runs the service. */
export function setupMessage(report: SetupReport & { trigger: TickTriggerReport }): string {
  const done = render('setupDone', {
    created: report.createdSheets.length,
    repaired: new Set(report.addedColumns.map((c) => c.split('!')[0])).size,
  });
  const t = report.trigger;
  if (t.mine || !t.owner) return done;
  return `${done} ${render('setupTriggerOther', { owner: t.owner })}`;
}

export function menuSetup(): void {
  alert(setupMessage(runSetup()));
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
