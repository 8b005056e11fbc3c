// Speaker suggestions (DESIGN §4 Speakers; sidebar `content.speakers`): speakers of the
// publication's theme not featured recently, least recently featured first.

import type { SpeakerItem, SpeakersView } from '../../api/types';
import {
  contentIdFor,
  nextPublicationDate,
  publicationTheme,
  type SpeakerSuggestion,
  suggestSpeakers,
} from '../../domain/content';
import { isValidYmd, localDateKey } from '../../domain/time';
import type { Ctx } from '../context';
import { contentSettings, readCalendar, readSpeakers } from './calendar';

/**
 * Speakers of the publication's theme not featured recently. The publication is the calendar row
 * `contentId`, else the first publication on or after `date`, else the next one from today.
 */
export function speakersFor(ctx: Ctx, req: { contentId?: string; date?: string }): SpeakersView {
  const settings = contentSettings(ctx);
  const calendar = readCalendar(ctx);
  const today = localDateKey(ctx.now, ctx.offset);
  const wanted = typeof req.contentId === 'string' ? req.contentId.trim().toUpperCase() : '';
  const entry = wanted ? calendar.find((e) => e.id.toUpperCase() === wanted) : undefined;
  const from = typeof req.date === 'string' && isValidYmd(req.date) ? req.date : today;
  const pub = entry && entry.ymd ? entry.ymd : nextPublicationDate(from, settings);
  const id = entry ? entry.id : contentIdFor(pub);
  const theme = publicationTheme(pub, settings).theme;
  const row = entry ?? calendar.find((e) => e.id === id);
  const featured = calendar
    .filter((e) => e.speaker && e.ymd && e.id !== id)
    .map((e) => ({ speaker: e.speaker, ymd: e.ymd }));
  const suggestions = suggestSpeakers(readSpeakers(ctx), theme, pub, featured).map(
    (s: SpeakerSuggestion): SpeakerItem => ({
      row: s.row,
      name: s.name,
      organisation: s.organisation,
      kind: s.kind,
      position: s.position,
      contact: s.contact,
      contactStatus: s.contactStatus,
      lastFeatured: s.featured,
    }),
  );
  return { contentId: id, date: pub, theme, current: row ? row.speaker : '', suggestions };
}
