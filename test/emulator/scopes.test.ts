// OAuth scopes from appsscript.json: with an explicit oauthScopes list a call needing another scope
// fails with Google's message (developers.google.com/apps-script/concepts/scopes; each method's
// "Authorization" section, e.g. reference/drive/drive-app#getFileById(String),
// reference/drive/file#setTrashed(Boolean)); advanced services (advanced/drive) are globals only
// when enabled, and the Drive API reaches under drive.file only the files the script created.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../../dev/emulator/index';
import { newEmu, script, thrown } from './helpers';

const AUTH = 'https://www.googleapis.com/auth/';
const PRODUCT = JSON.parse(readFileSync(join(__dirname, '../../appsscript.json'), 'utf8')) as Manifest;

function run(manifest: Manifest | undefined, body: string): { name: string; message: string } | unknown {
  const emu = newEmu(manifest ? { manifest } : {});
  const sb = script(emu, `function f() { ${body} }`);
  try {
    return sb.run('f').result;
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
}

describe('explicit oauthScopes', () => {
  const onlyDriveFile: Manifest = { oauthScopes: [AUTH + 'spreadsheets', AUTH + 'drive.file'] };

  it('refuses DriveApp.getFileById without drive or drive.readonly, with Google\u2019s message', () => {
    expect(run(onlyDriveFile, 'DriveApp.getFileById(SpreadsheetApp.getActive().getId());')).toEqual({
      name: 'Exception',
      message:
        'Specified permissions are not sufficient to call DriveApp.getFileById. Required permissions: (https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive)',
    });
  });

  it('refuses File.setTrashed with drive.readonly only: it needs the full drive scope', () => {
    const m: Manifest = { oauthScopes: [AUTH + 'spreadsheets', AUTH + 'drive.readonly'] };
    expect(
      run(m, 'var f = DriveApp.getFileById(SpreadsheetApp.create("t").getId()); f.setTrashed(true);'),
    ).toEqual({
      name: 'Exception',
      message:
        'Specified permissions are not sufficient to call File.setTrashed. Required permissions: https://www.googleapis.com/auth/drive',
    });
  });

  it('refuses UrlFetchApp, MailApp, triggers, other spreadsheets and sidebars whose scope is missing', () => {
    const m: Manifest = { oauthScopes: [AUTH + 'spreadsheets.currentonly'] };
    const cases: Array<[string, string]> = [
      [
        'UrlFetchApp.fetch("https://example.com");',
        'UrlFetchApp.fetch. Required permissions: ' + AUTH + 'script.external_request',
      ],
      [
        'MailApp.getRemainingDailyQuota();',
        'MailApp.getRemainingDailyQuota. Required permissions: ' + AUTH + 'script.send_mail',
      ],
      [
        'ScriptApp.getProjectTriggers();',
        'ScriptApp.getProjectTriggers. Required permissions: ' + AUTH + 'script.scriptapp',
      ],
      [
        'SpreadsheetApp.create("x");',
        'SpreadsheetApp.create. Required permissions: ' + AUTH + 'spreadsheets',
      ],
      [
        'SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput("x"));',
        'Ui.showSidebar. Required permissions: ' + AUTH + 'script.container.ui',
      ],
      [
        'Session.getEffectiveUser();',
        'Session.getEffectiveUser. Required permissions: ' + AUTH + 'userinfo.email',
      ],
    ];
    for (const [code, tail] of cases) {
      expect(run(m, code)).toEqual({
        name: 'Exception',
        message: `Specified permissions are not sufficient to call ${tail}`,
      });
    }
    // The bound spreadsheet itself is covered by spreadsheets.currentonly.
    expect(run(m, 'return SpreadsheetApp.getActive().getSheets().length;')).toBe(1);
  });

  it('allows everything when the manifest lists no scopes (automatic detection)', () => {
    expect(
      run(undefined, 'DriveApp.getFileById(SpreadsheetApp.create("t").getId()).setTrashed(true); return 1;'),
    ).toBe(1);
    expect(
      run(
        { timeZone: 'Asia/Jakarta' },
        'return DriveApp.getFileById(SpreadsheetApp.getActive().getId()).getName();',
      ),
    ).toBe('Untitled spreadsheet');
  });

  it('grants the product\u2019s manifest what the product calls, and no DriveApp', () => {
    expect(
      run(
        PRODUCT,
        'return [SpreadsheetApp.getActive().getName(), MailApp.getRemainingDailyQuota() > 0, ScriptApp.getProjectTriggers().length];',
      ),
    ).toEqual(['Untitled spreadsheet', true, 0]);
    expect(run(PRODUCT, 'DriveApp.getFileById(SpreadsheetApp.create("t").getId());')).toMatchObject({
      message: expect.stringMatching(
        /^Specified permissions are not sufficient to call DriveApp.getFileById/,
      ),
    });
  });
});

describe('the Drive advanced service', () => {
  const withDrive = (scopes: string[]): Manifest => ({
    oauthScopes: scopes,
    dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }] },
  });

  it('is a global only when appsscript.json enables it', () => {
    expect(run(undefined, 'return typeof Drive;')).toBe('undefined');
    expect(run(withDrive([AUTH + 'drive.file']), 'return typeof Drive;')).toBe('object');
  });

  it('deletes under drive.file a spreadsheet the script created, leaving nothing in Drive', () => {
    const emu = newEmu({ manifest: withDrive([AUTH + 'spreadsheets', AUTH + 'drive.file']) });
    const before = emu.spreadsheets.size;
    const sb = script(
      emu,
      `function f() { var id = SpreadsheetApp.create('temp').getId(); var got = Drive.Files.get(id).name; Drive.Files.remove(id); return got; }`,
    );
    expect(sb.run('f').result).toBe('temp');
    expect(emu.spreadsheets.size).toBe(before);
  });

  it('does not reach under drive.file a file the script did not create', () => {
    const emu = newEmu({ manifest: withDrive([AUTH + 'spreadsheets', AUTH + 'drive.file']) });
    const id = emu.spreadsheet.id;
    const sb = script(emu, `function f() { Drive.Files.remove('${id}'); }`);
    expect(thrown(() => sb.run('f'))).toEqual({
      name: 'GoogleJsonResponseException',
      message: `API call to drive.files.delete failed with error: File not found: ${id}.`,
    });
    expect(emu.spreadsheets.has(id)).toBe(true);
  });

  it('refuses the Drive API without a Drive scope', () => {
    expect(
      run(withDrive([AUTH + 'spreadsheets']), 'Drive.Files.remove(SpreadsheetApp.create("t").getId());'),
    ).toEqual({
      name: 'Exception',
      message: `Specified permissions are not sufficient to call Files.remove. Required permissions: (${AUTH}drive.file || ${AUTH}drive)`,
    });
  });
  it('moves a file between folders with addParents/removeParents, and keeps it in one folder', () => {
    const emu = newEmu({ manifest: withDrive([AUTH + 'drive.file']) });
    const sb = script(
      emu,
      `function f() {
        var a = Drive.Files.create({ name: 'A', mimeType: 'application/vnd.google-apps.folder' }).id;
        var b = Drive.Files.create({ name: 'B', mimeType: 'application/vnd.google-apps.folder' }).id;
        var file = Drive.Files.create({ name: 'x.jpg', parents: [a] }, Utilities.newBlob([1, 2], 'image/jpeg')).id;
        var moved = Drive.Files.update({}, file, null, { addParents: b, removeParents: a });
        var inA = Drive.Files.list({ q: "'" + a + "' in parents" }).files.length;
        var error = '';
        try { Drive.Files.update({}, file, null, { addParents: a }); } catch (e) { error = e.message; }
        return [moved.parents.join(), b, inA, error, Drive.Files.get(file).parents.join()];
      }`,
    );
    const [parents, b, inA, error, after] = sb.run('f').result as string[];
    expect(parents).toBe(b);
    expect(inA).toBe(0);
    expect(error).toBe(
      'API call to drive.files.update failed with error: Increasing the number of parents is not allowed.',
    );
    expect(after).toBe(b);
  });
});
