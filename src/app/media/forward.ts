// Media on the officers' phones (issue 15), once the `lampiran` job has the file: what a citizen sent
// goes to the officer handling the session (else the group's officers), as an image or document
// whose caption names the session (so a quoted reply finds it); what an officer sent quoting a
// notification goes to the citizen. Cloud API only (upload, then send by media id).

import { groupFor, SEND_STATUS } from '../../domain/types';
import { MEDIA_LABELS } from '../../messages/id';
import { postMultipart } from '../../platform/http';
import { activeOfficers, setting } from '../config';
import type { Ctx } from '../context';
import { rememberNotification } from '../helpdesk/notify';
import { openSession } from '../helpdesk/officer';
import { addressOf } from '../helpdesk/state';
import { providerConfig, providerName } from '../messaging/sender';
import { Turn } from '../messaging/turn';
import type { MediaItem } from './queue';

function upload(ctx: Ctx, blob: GoogleAppsScript.Base.Blob, mime: string): string {
  const cfg = providerConfig(ctx);
  const res = postMultipart(
    `https://graph.facebook.com/${cfg.graphVersion}/${cfg.phoneNumberId}/media`,
    { Authorization: `Bearer ${cfg.token}` },
    { messaging_product: 'whatsapp', type: mime, file: blob },
  );
  try {
    return res.status === 200 ? String((JSON.parse(res.body) as { id?: string }).id ?? '') : '';
  } catch {
    return '';
  }
}

/** Sends the stored file on; never throws (a failure is logged, the file stays in Drive). */
export function forwardMedia(
  ctx: Ctx,
  item: MediaItem,
  blob: GoogleAppsScript.Base.Blob,
  name: string,
): void {
  if (providerName(ctx) !== 'cloud' || item.held) return;
  const { state, error } = openSession(ctx, item.sessionId);
  if (error || !state) return;
  const fromOfficer = !!item.sender && item.sender !== 'warga';
  const mime = blob.getContentType() || item.mime;
  const mediaType = mime === 'image/jpeg' || mime === 'image/png' ? 'image' : 'document';
  const officers =
    fromOfficer ||
    !state.jenis ||
    !state.bidang ||
    !setting(ctx.config, 'officerNotify').toLowerCase().includes('whatsapp')
      ? []
      : activeOfficers(ctx.config, groupFor(state.jenis, state.bidang)).filter((o) => o.whatsapp);
  const handling = officers.filter((o) => o.name === state.officer);
  const to = fromOfficer
    ? [addressOf(state)]
    : (handling.length ? handling : officers).map((o) => o.whatsapp);
  if (to.length === 0) return;
  const mediaId = upload(ctx, blob, mime);
  if (!mediaId) {
    ctx.log(
      'PERINGATAN',
      'lampiran',
      `Lampiran sesi ${item.sessionId} tidak dapat diteruskan (unggah gagal).`,
    );
    return;
  }
  const caption = fromOfficer
    ? ''
    : ctx
        .t('officerMediaRelayed', {
          sessionId: state.sessionId,
          name: state.name || '-',
          kind: MEDIA_LABELS[item.type] ?? item.type,
          caption: '',
        })
        .trim();
  const turn = new Turn(ctx);
  for (const address of to) {
    const out = turn.send(
      { kind: 'media', to: address, mediaType, media: mediaId, caption, filename: name },
      {
        sessionId: state.sessionId,
        phone: address,
        sender: fromOfficer ? (item.sender ?? '') : 'sistem',
        kind: fromOfficer ? (mediaType === 'image' ? 'gambar' : 'dokumen') : 'terusan',
      },
    );
    if (!fromOfficer && out.messageId) rememberNotification(ctx, out.messageId, state.sessionId);
    if (out.status === SEND_STATUS.failed) {
      ctx.log('PERINGATAN', 'lampiran', `Lampiran sesi ${item.sessionId} gagal diteruskan: ${out.error}`);
    }
  }
  turn.commit();
}
