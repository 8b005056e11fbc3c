/** Shared helpers of the emulator fidelity tests. */
import { type Execution, GoogleEmulator } from '../../dev/emulator/index';
import { loadBundle, type Sandbox } from '../../dev/emulator/sandbox';

/** The Apps Script globals, typed as @types/google-apps-script declares them. */
export interface Gas {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  ContentService: GoogleAppsScript.Content.ContentService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Session: GoogleAppsScript.Base.Session;
  Logger: GoogleAppsScript.Base.Logger;
  Charts: GoogleAppsScript.Charts.Charts;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
}

export const NOW = '2026-11-23T09:00:00+07:00';

export function newEmu(opts: ConstructorParameters<typeof GoogleEmulator>[0] = {}): GoogleEmulator {
  return new GoogleEmulator({ now: NOW, ...opts });
}

/** Host-side globals (host realm); calls are counted in `exec` when given. */
export function gas(emu: GoogleEmulator, exec: Execution | null = null): Gas {
  return emu.globals(undefined, exec) as unknown as Gas;
}

/** Loads a script (source text) into a sandbox. */
export function script(emu: GoogleEmulator, code: string): Sandbox {
  return loadBundle(code, emu);
}

/** The error `fn` throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    const err = e as { name?: unknown; message?: unknown };
    return { name: String(err.name), message: String(err.message) };
  }
  throw new Error('expected an exception');
}
