// An officer sends a file from the sidebar (issue 15): uploaded to the Cloud API, then sent to the
// citizen as an image or document by its media id; limits and Fonnte's refusal.

import type { LocalApp } from '../../dev/runtime/local-app';
import type { SessionActionResult, SessionView } from '../../src/api/types';
import { Citizen, createApp } from '../support/app';

const OFFICER = 'sari@diskopukm.example';

function setup(provider: 'cloud' | 'fonnte' = 'cloud'): { app: LocalApp; ani: Citizen; id: string } {
  const app = createApp({
    config: provider === 'fonnte' ? { provider, token: 'fonnte-token' } : { provider },
  });
  app.emu.spreadsheet.editors.push(OFFICER);
  const ani = new Citizen(app, '6281234567890', 'Ani', undefined, provider);
  // Distinct answers: Fonnte has no message ids (same text in the same second is one delivery).
  const id = ani.connect('2', '1', '3');
  ani.replies();
  return { app, ani, id };
}

function sendFile(app: LocalApp, req: Record<string, unknown>): SessionActionResult {
  const { result } = app.api<SessionActionResult>('session.sendFile', req, OFFICER);
  if (!result.ok) throw new Error(result.error);
  return result.data as SessionActionResult;
}

describe('officer files', () => {
  it('uploads then sends a PDF as a document with its name and caption; a copy is linked', () => {
    const { app, ani, id } = setup();
    const pdf = Buffer.from('%PDF-1.4 syarat koperasi');
    const res = sendFile(app, {
      sessionId: id,
      name: 'syarat-koperasi.pdf',
      mime: 'application/pdf',
      data: pdf.toString('base64'),
      caption: 'Syarat pendirian koperasi',
    });
    expect(res).toMatchObject({ ok: true, sendStatus: 'terkirim' });
    const upload = app.emu.fetchLog.find((r) => r.url.endsWith('/PLAYGROUND/media'))!;
    expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.payload).toContain('name="messaging_product"');
    expect(upload.payload).toContain('%PDF-1.4 syarat koperasi');
    const [doc] = ani.replies();
    expect(doc.type).toBe('document');
    const body = doc.body as { document: { id: string; filename: string; caption: string } };
    expect(body.document).toMatchObject({
      filename: 'syarat-koperasi.pdf',
      caption: 'Syarat pendirian koperasi',
    });
    expect(app.fakeWhatsApp.media?.get(body.document.id)).toBeDefined();
    const view = app.api<SessionView>('session.get', { sessionId: id }, OFFICER).result;
    const sent = (view as { data: SessionView }).data.messages.find((m) => m.from === 'petugas')!;
    expect(sent.attachment?.fileId).toBeTruthy();
  });

  it('refuses types WhatsApp does not take, files over the setting, and explains Fonnte', () => {
    const { app, id } = setup();
    expect(
      sendFile(app, { sessionId: id, name: 'a.zip', mime: 'application/zip', data: 'UEsD' }).error,
    ).toContain('tidak dapat dikirim');
    const big = Buffer.alloc(6 * 1024 * 1024).toString('base64');
    expect(sendFile(app, { sessionId: id, name: 'a.png', mime: 'image/png', data: big }).error).toContain(
      'terlalu besar',
    );
    const f = setup('fonnte');
    expect(
      sendFile(f.app, { sessionId: f.id, name: 'a.png', mime: 'image/png', data: 'iVBORw0K' }).error,
    ).toContain('Fonnte');
  });
});
