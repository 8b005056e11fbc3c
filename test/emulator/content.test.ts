import { gas, newEmu, thrown } from './helpers';

describe('ContentService and HtmlService', () => {
  it('serves text outputs with a MIME type', () => {
    const { ContentService } = gas(newEmu());
    const out = ContentService.createTextOutput('{"ok":true}').setMimeType(ContentService.MimeType.JSON);
    expect(out.getContent()).toBe('{"ok":true}');
    expect(out.getMimeType()).toBe(ContentService.MimeType.JSON);
    expect((out as unknown as { _httpContentType(): string })._httpContentType()).toBe('application/json');
    expect(ContentService.createTextOutput().append('a').append('b').getContent()).toBe('ab');
    expect(ContentService.createTextOutput('x').getMimeType()).toBe(ContentService.MimeType.TEXT);
    expect(thrown(() => out.setMimeType('HTML' as unknown as GoogleAppsScript.Content.MimeType)).name).toBe(
      'Exception',
    );
  });

  it('builds HTML outputs from text and from the project\u2019s files', () => {
    const emu = newEmu({ htmlFiles: { Sidebar: '<div id="app"></div>' } });
    const { HtmlService } = gas(emu);
    const out = HtmlService.createHtmlOutputFromFile('Sidebar')
      .setTitle('HALO KOP-UKM')
      .setWidth(300)
      .setHeight(600)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
    expect([out.getContent(), out.getTitle(), out.getWidth(), out.getHeight()]).toEqual([
      '<div id="app"></div>',
      'HALO KOP-UKM',
      300,
      600,
    ]);
    expect(HtmlService.createHtmlOutput('<p>').append('x').getContent()).toBe('<p>x');
    expect(HtmlService.createHtmlOutput('').appendUntrusted('<b>').getContent()).toBe('&lt;b&gt;');
    expect(thrown(() => HtmlService.createHtmlOutputFromFile('Missing')).message).toBe(
      'No HTML file named Missing was found.',
    );
    const t = HtmlService.createTemplate('<p><?= who ?></p>');
    (t as unknown as Record<string, unknown>).who = '<Budi>';
    expect(t.evaluate().getContent()).toBe('<p>&lt;Budi&gt;</p>');
  });
});
