// An officer sends a file from the sidebar (issue 15): `session.sendFile`. Cloud API: the file is
// uploaded (`POST /<version>/<phone-number-id>/media`), then sent as an image or document by its
// media id; a copy is kept in the attachments folder and linked in `Pesan.Lampiran`. Fonnte only
// takes a file by public URL, and attachments are shared with nobody: refused, with the reason.

import type { SessionActionResult } from '../../api/types';
import { driveLink, formatSize, mediaFileName } from '../../domain/media';
import { SEND_STATUS } from '../../domain/types';
import { render } from '../../messages/id';
import { fromBase64, newBlob } from '../../platform/drive';
import { postMultipart } from '../../platform/http';
import { withScriptLock } from '../../platform/lock';
import { pointerKey } from '../../store/db';
import { SHEETS } from '../../store/schema';
import { settingNumber } from '../config';
import type { Ctx } from '../context';
import { openSession } from '../helpdesk/officer';
import { addressOf } from '../helpdesk/state';
import { currentOfficer, normaliseSessionId } from '../inbox/session';
import { providerConfig, providerName } from '../messaging/sender';
import { Turn } from '../messaging/turn';
import { storeBlob } from './storage';

/** What WhatsApp accepts as an image; documents: these types. */
const IMAGE_TYPES = ['image/jpeg', 'image/png'];
const DOCUMENT_TYPES = [
  'application/pdf',
  'text/plain',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];
/** WhatsApp's image limit; google.script.run arguments stay small. */
export const OFFICER_FILE_CEILING_MB = 5;

export interface SendFileInput {
  sessionId: string;
  name: string;
  mime: string;
  /** Base64 content. */
  data: string;
  caption?: string;
  force?: boolean;
}

export function sendFileToSession(ctx: Ctx, req: SendFileInput): SessionActionResult {
  const id = normaliseSessionId(req.sessionId);
  if (!id) return { ok: false, error: render('sidebarSessionUnknown', { sessionId: String(req.sessionId) }) };
  const mime = String(req.mime || '').toLowerCase();
  const kind = IMAGE_TYPES.includes(mime) ? 'image' : DOCUMENT_TYPES.includes(mime) ? 'document' : '';
  if (!kind) return { ok: false, error: render('sidebarAttachmentType', { mime: mime || '?' }) };
  if (typeof req.data !== 'string' || !req.data || !/^[A-Za-z0-9+/]*={0,2}$/.test(req.data)) {
    return { ok: false, error: render('sidebarAttachmentMissing') };
  }
  const bytes = fromBase64(req.data);
  const maxMb = Math.min(
    OFFICER_FILE_CEILING_MB,
    Math.max(0.1, settingNumber(ctx.config, 'officerFileMaxMb', 5)),
  );
  if (bytes.length > maxMb * 1024 * 1024) {
    return {
      ok: false,
      error: render('sidebarAttachmentTooLarge', {
        size: formatSize(bytes.length),
        max: formatSize(maxMb * 1024 * 1024),
      }),
    };
  }
  if (providerName(ctx) === 'fonnte') return { ok: false, error: render('sidebarAttachmentFonnte') };
  const officer = currentOfficer(ctx);
  const name = String(req.name || 'berkas').slice(0, 200);
  const caption = typeof req.caption === 'string' ? req.caption.slice(0, 1024) : '';
  return withScriptLock(() => {
    const open = openSession(ctx, id);
    if (open.error || !open.state)
      return { ok: false, error: render('sidebarSessionNotOpen', { sessionId: id }) };
    const state = open.state;
    if (state.officer && state.officer !== officer && !req.force) {
      return {
        ok: false,
        claimedBy: state.officer,
        error: render('sidebarClaimed', { sessionId: id, officer: state.officer }),
      };
    }
    const cfg = providerConfig(ctx);
    const blob = newBlob(bytes, mime, name);
    const up = postMultipart(
      `https://graph.facebook.com/${cfg.graphVersion}/${cfg.phoneNumberId}/media`,
      { Authorization: `Bearer ${cfg.token}` },
      { messaging_product: 'whatsapp', type: mime, file: blob },
    );
    let mediaId = '';
    try {
      mediaId = String((JSON.parse(up.body) as { id?: string }).id ?? '');
    } catch {
      mediaId = '';
    }
    if (up.status !== 200 || !mediaId) {
      return {
        ok: false,
        sendStatus: SEND_STATUS.failed,
        error: `Unggah ke WhatsApp gagal: ${up.error || `HTTP ${up.status}`}`,
      };
    }
    const turn = new Turn(ctx);
    const send = turn.send(
      { kind: 'media', to: addressOf(state), mediaType: kind, media: mediaId, caption, filename: name },
      {
        sessionId: state.sessionId,
        phone: state.phone || state.userId,
        sender: officer,
        kind: kind === 'image' ? 'gambar' : 'dokumen',
      },
    );
    turn.commit();
    // A copy for the transcript and the archive (the row was just appended: its pointer is known).
    try {
      const file = storeBlob(
        ctx,
        ctx.now,
        mediaFileName(state.sessionId, send.messageId || `keluar-${ctx.now}`, mime, name),
        blob,
      );
      const row = Number(ctx.props.get(pointerKey(SHEETS.messages.name)) ?? '0') - 1;
      if (row >= 2) ctx.db.update('messages', row, { attachment: driveLink(file.id) });
    } catch (e) {
      ctx.log('PERINGATAN', 'lampiran', `Salinan berkas petugas tidak tersimpan di Drive: ${String(e)}`);
    }
    ctx.flushLogs();
    return {
      ok: send.status !== SEND_STATUS.failed,
      sendStatus: send.status,
      sendError: send.error || '',
      ...(send.status === SEND_STATUS.failed ? { error: `Berkas gagal dikirim: ${send.error}` } : {}),
    };
  });
}
