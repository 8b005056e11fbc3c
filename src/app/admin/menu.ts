// The add-on menu and every action behind it: opening the sidebar and the settings dialog, setup,
// the weekly report of a chosen week, planning content, one archive step, a citizen's data, help.
// `onOpen` builds the menu; `onInstall` marks a published add-on first.

import type { ReportWeek } from '../../domain/report-week';
import { previousWeek } from '../../domain/report-week';
import { parseCitizenQuery } from '../../domain/retention';
import { ENTRY } from '../../entrypoints';
import { render } from '../../messages/id';
import { setScriptProperty } from '../../platform/props';
import { alert, showDialog, showSidebar, spreadsheetUi } from '../../platform/ui';
import { planContent } from '../content/plan';
import { Ctx } from '../context';
import { archiveNow } from '../data/archive';
import { apiPrivacyDelete, apiPrivacyFind, findingLines } from '../data/privacy';
import { chosenWeek, doneText, runReportNow } from '../report/job';
import { ADDON_KEY, runSetup, setupMessage } from './setup';

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

/** "Rencanakan konten": the topic rotation now (DESIGN §4), then what it did. */
export function menuPlanContent(): void {
  const ctx = new Ctx();
  let text: string;
  try {
    text = planContent(ctx).message;
  } catch (err) {
    text = render('errorStaff', { detail: String((err as Error).message ?? err) });
  }
  alert(text);
}

/** Menu ▸ Laporan mingguan sekarang: asks for the week (empty: the previous one) and runs it. */
export function menuWeeklyReport(): void {
  const ui = spreadsheetUi();
  const ctx = new Ctx();
  const example = previousWeek(ctx.now, ctx.offset).label;
  const answer = ui.prompt(
    ctx.t('reportPromptTitle'),
    ctx.t('reportPromptText', { example }),
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  let week: ReportWeek;
  try {
    week = chosenWeek(ctx, answer.getResponseText());
  } catch (e) {
    ui.alert(String((e as Error).message ?? e));
    return;
  }
  ui.alert(doneText(ctx, runReportNow(ctx, week)));
}

/** Menu ▸ Arsipkan data lama: one archive step now (the rest continues at the next ticks). */
export function menuArchiveNow(): void {
  alert(archiveNow());
}

/** Menu ▸ Data warga: asks for the number, shows what is stored, deletes on confirmation. */
export function menuCitizenData(): void {
  const ui = spreadsheetUi();
  const answer = ui.prompt(render('privacyPromptTitle'), render('privacyPrompt'), ui.ButtonSet.OK_CANCEL);
  const button = answer.getSelectedButton();
  if (button === ui.Button.CANCEL || button === ui.Button.CLOSE) return;
  const input = answer.getResponseText().trim();
  const ctx = new Ctx();
  if (!parseCitizenQuery(input)) {
    ui.alert(render('privacyQueryInvalid'));
    return;
  }
  const view = apiPrivacyFind(ctx, input);
  if (view.total === 0 && view.states === 0 && view.queued === 0) {
    ui.alert(ctx.t('privacyNotFound', { value: view.query }));
    return;
  }
  const confirm = ui.alert(
    render('privacyPromptTitle'),
    ctx.t('privacyFound', { value: view.query, lines: findingLines(ctx, view) }),
    ui.ButtonSet.YES_NO,
  );
  if (confirm !== ui.Button.YES) return;
  const done = apiPrivacyDelete(ctx, input, true);
  ui.alert(ctx.t('privacyDeleted', { value: done.query, total: done.total }));
}
