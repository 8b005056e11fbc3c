// Web app responses as Google serves them: /exec runs doGet/doPost and answers 302 to a one-time
// URL on script.googleusercontent.com that serves the output once
// (developers.google.com/apps-script/guides/content#redirects: "for security reasons, content
// returned by the Content service isn't served from script.google.com, but instead redirected to
// a one-time URL at script.googleusercontent.com"). dev/runtime/local-app.ts models it for the
// tests and the playground.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalApp } from '../../dev/runtime/local-app';

function app(): LocalApp {
  const dir = mkdtempSync(join(tmpdir(), 'halo-redirect-'));
  writeFileSync(
    join(dir, 'Code.js'),
    `function doPost(e) { return ContentService.createTextOutput(JSON.stringify({ ok: true, got: e.postData.contents })).setMimeType(ContentService.MimeType.JSON); }
     function doGet(e) { return ContentService.createTextOutput(e.parameter['hub.challenge'] || 'hi'); }`,
  );
  return new LocalApp({ codePath: join(dir, 'Code.js'), htmlDir: dir, now: '2026-11-23T09:00:00+07:00' });
}

describe('web app responses', () => {
  it('answer /exec with a 302 to a one-time echo URL and a "Moved Temporarily" page', () => {
    const a = app();
    const r = a.postRaw('', '{"x":1}', 'application/json');
    expect(r.status).toBe(302);
    expect(r.location).toMatch(
      /^https:\/\/script\.googleusercontent\.com\/macros\/echo\?user_content_key=[\w-]+&lib=emulator-script-id$/,
    );
    expect(r.contentType).toBe('text/html; charset=UTF-8');
    expect(r.body).toContain('<TITLE>Moved Temporarily</TITLE>');
    expect(r.body).toContain('The document has moved <A HREF="');
    expect(r.body).not.toContain('"ok"');
  });

  it('serve the output at the echo URL once, then 404', () => {
    const a = app();
    const r = a.postRaw('', '{"x":1}', 'application/json');
    expect(a.echo(r.location!)).toEqual({
      status: 200,
      contentType: 'application/json',
      body: '{"ok":true,"got":"{\\"x\\":1}"}',
    });
    expect(a.echo(r.location!).status).toBe(404);
  });

  it('let a client that follows the redirect read the output (as LocalApp.post and .get do)', () => {
    const a = app();
    const res = a.get({ 'hub.challenge': '42' });
    expect(res.body).toBe('42');
    expect(res.redirectedFrom).toMatch(/^https:\/\/script\.googleusercontent\.com\/macros\/echo\?/);
    expect(a.echo(res.redirectedFrom!).status).toBe(404); // already read
  });
});
