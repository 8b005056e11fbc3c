/**
 * OAuth scopes: which a call needs, and whether the script has it. With an explicit `oauthScopes`
 * list in appsscript.json the script gets exactly those scopes, and a call needing another one
 * fails with "Specified permissions are not sufficient to call <Class>.<method>. Required
 * permissions: <scope>" (developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes;
 * each method's scopes are listed under "Authorization" on its reference page, e.g.
 * reference/drive/drive-app#getFileById(String): drive.readonly or drive; reference/drive/file#setTrashed(Boolean):
 * drive). Without the list, Apps Script grants what the code uses (automatic detection): every call
 * is allowed. A simple trigger runs in AuthMode.LIMITED (guides/triggers#restrictions): only the
 * bound document, no service that needs authorisation ("You do not have permission to call …").
 */

const AUTH = 'https://www.googleapis.com/auth/';

export const SCOPES = {
  spreadsheets: AUTH + 'spreadsheets',
  spreadsheetsCurrentOnly: AUTH + 'spreadsheets.currentonly',
  drive: AUTH + 'drive',
  driveReadonly: AUTH + 'drive.readonly',
  driveFile: AUTH + 'drive.file',
  containerUi: AUTH + 'script.container.ui',
  externalRequest: AUTH + 'script.external_request',
  scriptApp: AUTH + 'script.scriptapp',
  sendMail: AUTH + 'script.send_mail',
  userinfoEmail: AUTH + 'userinfo.email',
} as const;

/** appsscript.json, the parts the emulator reads. */
export interface Manifest {
  timeZone?: string;
  runtimeVersion?: string;
  oauthScopes?: string[];
  dependencies?: {
    enabledAdvancedServices?: Array<{ userSymbol: string; serviceId: string; version: string }>;
  };
  webapp?: { executeAs?: 'USER_DEPLOYING' | 'USER_ACCESSING'; access?: string };
}

const S = SCOPES;
const SHEETS_ANY = [S.spreadsheetsCurrentOnly, S.spreadsheets];
const DRIVE_READ = [S.driveReadonly, S.drive];

/** SpreadsheetApp calls reaching beyond the bound spreadsheet (reference/spreadsheet/spreadsheet-app). */
const OTHER_FILES = new Set([
  'SpreadsheetApp.openById',
  'SpreadsheetApp.openByUrl',
  'SpreadsheetApp.open',
  'SpreadsheetApp.create',
]);

/** DriveApp calls that only read. */
const DRIVE_READS =
  /^DriveApp\.(getFileById|getFolderById|getFiles|getFilesByName|getFilesByType|getFolders|getFoldersByName|getRootFolder|searchFiles|searchFolders|getStorageUsed|getStorageLimit)$|^DriveApp\.(File|Folder)\.(get\w*|is\w*)$/;

/**
 * The scopes of which `name` (a call as calls.ts names it: `DriveApp.File.setTrashed`) needs one,
 * or null when it needs none.
 */
export function requiredScopes(name: string): string[] | null {
  if (name.startsWith('SpreadsheetApp.Ui.'))
    return /\.(showSidebar|showModalDialog|showModelessDialog)$/.test(name) ? [S.containerUi] : null;
  if (OTHER_FILES.has(name)) return [S.spreadsheets];
  if (name.startsWith('SpreadsheetApp.')) {
    // Builders, menus and enums need nothing; everything touching a spreadsheet needs one of these.
    if (/^SpreadsheetApp\.(DataValidationBuilder|EmbeddedChartBuilder|ChartOptions|Menu)\./.test(name))
      return null;
    if (name === 'SpreadsheetApp.getUi' || name === 'SpreadsheetApp.newDataValidation') return null;
    return SHEETS_ANY;
  }
  if (name.startsWith('DriveApp.')) return DRIVE_READS.test(name) ? DRIVE_READ : [S.drive];
  if (name.startsWith('Drive.')) {
    // The Drive API (advanced service): drive.file covers the files the app created or opened.
    return /\.(get|list|export)$/.test(name)
      ? [S.driveFile, S.driveReadonly, S.drive]
      : [S.driveFile, S.drive];
  }
  if (/^UrlFetchApp\.(fetch|fetchAll|getRequest)$/.test(name)) return [S.externalRequest];
  if (/^MailApp\.(sendEmail|getRemainingDailyQuota)$/.test(name)) return [S.sendMail];
  if (
    /^ScriptApp\.(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)$/.test(name) ||
    /^ScriptApp\.(ClockTriggerBuilder|SpreadsheetTriggerBuilder)\.create$/.test(name)
  )
    return [S.scriptApp];
  if (name === 'Session.getActiveUser' || name === 'Session.getEffectiveUser') return [S.userinfoEmail];
  return null;
}

/** "https://…/spreadsheets" or "(https://…/drive.readonly || https://…/drive)". */
export function scopeList(scopes: string[]): string {
  return scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
}

/** Google's message when the manifest's scopes do not cover a call. */
export function insufficientScopes(display: string, scopes: string[]): string {
  return `Specified permissions are not sufficient to call ${display}. Required permissions: ${scopeList(scopes)}`;
}

/** Google's message when a call needs an authorisation the execution does not have (AuthMode.LIMITED). */
export function noPermission(display: string, scopes: string[]): string {
  return `You do not have permission to call ${display}. Required permissions: ${scopeList(scopes)}`;
}
