// Simple triggers (onOpen, onEdit) run in AuthMode.LIMITED (developers.google.com/apps-script/guides/triggers#restrictions):
// they may change the bound spreadsheet but "cannot access services that require authorization",
// run 30 seconds at most, and may not know who the user is (reference/base/session#getActiveUser():
// not available "in any context that allows a script to run without that user's authorization,
// like a simple onOpen(e) or onEdit(e) trigger", unless it is the developer or the same Workspace domain).
import { newEmu, script } from './helpers';

const AUTH = 'https://www.googleapis.com/auth/';

function onEditScript(body: string): string {
  return `function onEdit(e) { ${body} }`;
}

function runOnEdit(body: string, user = 'editor@example.com', opts: Parameters<typeof newEmu>[0] = {}) {
  const emu = newEmu({ userEmail: 'owner@example.com', ...opts });
  const sb = script(emu, onEditScript(body));
  const r = sb.runAs({ activeUser: user }, 'onEdit', {});
  return { emu, r };
}

function errorOf(body: string): string {
  const emu = newEmu({ userEmail: 'owner@example.com' });
  const sb = script(emu, onEditScript(body));
  const r = sb.tryRun('onEdit', {});
  return String((r.error as Error | undefined)?.message);
}

describe('simple triggers', () => {
  it('run onOpen and onEdit as simple triggers (AuthMode.LIMITED)', () => {
    const emu = newEmu();
    const sb = script(emu, 'function onOpen() { return 1; } function onEdit() { return 2; }');
    expect(sb.run('onOpen').calls.kind).toBe('simpleTrigger');
    expect(sb.run('onEdit').calls.kind).toBe('simpleTrigger');
  });

  it('may use the bound spreadsheet, the cache, properties and the menu', () => {
    const { emu, r } = runOnEdit(
      `var s = SpreadsheetApp.getActive().getSheets()[0]; s.getRange('A1').setValue('ok');
       CacheService.getScriptCache().remove('cfg'); PropertiesService.getScriptProperties().getProperty('x');
       SpreadsheetApp.getUi().createMenu('M').addItem('a', 'f').addToUi();
       return s.getRange('A1').getValue();`,
    );
    expect(r.result).toBe('ok');
    expect(emu.ui.menus).toHaveLength(1);
  });

  it('refuse every service that needs authorisation, with Google\u2019s message', () => {
    expect(errorOf('UrlFetchApp.fetch("https://example.com");')).toBe(
      `You do not have permission to call UrlFetchApp.fetch. Required permissions: ${AUTH}script.external_request`,
    );
    expect(errorOf('MailApp.sendEmail("a@example.com", "s", "b");')).toBe(
      `You do not have permission to call MailApp.sendEmail. Required permissions: ${AUTH}script.send_mail`,
    );
    expect(errorOf('SpreadsheetApp.openById(SpreadsheetApp.getActive().getId());')).toBe(
      `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${AUTH}spreadsheets`,
    );
    expect(errorOf('ScriptApp.newTrigger("tick").timeBased().everyMinutes(1).create();')).toBe(
      `You do not have permission to call ScriptApp.newTrigger. Required permissions: ${AUTH}script.scriptapp`,
    );
    expect(errorOf('SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput("x"));')).toBe(
      `You do not have permission to call Ui.showSidebar. Required permissions: ${AUTH}script.container.ui`,
    );
  });

  it('stop after 30 seconds', () => {
    expect(errorOf('Utilities.sleep(20000); Utilities.sleep(20000);')).toBe(
      'Exceeded maximum execution time',
    );
  });

  it('see no active user, except the developer or someone of the same Workspace domain', () => {
    const who = 'return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()];';
    expect(runOnEdit(who, 'editor@example.com').r.result).toEqual(['', '']);
    expect(runOnEdit(who, 'owner@example.com').r.result).toEqual(['owner@example.com', 'owner@example.com']);
    expect(runOnEdit(who, 'editor@example.com', { accountType: 'workspace' }).r.result).toEqual([
      'editor@example.com',
      'editor@example.com',
    ]);
    expect(runOnEdit(who, 'someone@other.example', { accountType: 'workspace' }).r.result).toEqual(['', '']);
  });
});
