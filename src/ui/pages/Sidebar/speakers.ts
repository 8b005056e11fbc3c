// Narasumber (Konten): for a publication of the calendar — or the next one — the speakers of its
// theme who have not appeared within 90 days, least recently featured first (server: app/content/speakers.ts).
// Names and organisations come from the sheet: text only.

import type { ContentItem, SpeakerItem, SpeakersView } from '../../../api/types';
import { render } from '../../../messages/id';
import { call } from '../../client/bridge';
import { byId, clear, h } from '../../client/dom';
import { dayText, errorText, setStatus, value } from './util';

let loaded = false;

/** Tag colour of a `Status Kontak`: willing, asked, not asked yet. */
function contactTone(status: string): string {
  const s = status.trim().toLowerCase();
  if (s === 'bersedia') return 'tag ok';
  if (s === 'dihubungi') return 'tag';
  return 'tag wait';
}

function speakerItem(s: SpeakerItem): HTMLLIElement {
  const status = s.contactStatus || 'Belum dihubungi';
  return h(
    'li',
    { class: 'task speaker' },
    h('div', { class: 'name', text: s.name }),
    h('div', { class: 'meta', text: [s.organisation, s.position].filter(Boolean).join(' · ') }),
    h('div', {
      class: 'meta',
      text: s.lastFeatured
        ? render('sidebarSpeakersLast', { date: dayText(s.lastFeatured) })
        : render('sidebarSpeakersNever'),
    }),
    h(
      'div',
      {},
      h('span', { class: contactTone(status), text: render('sidebarSpeakersContact', { label: status }) }),
    ),
  );
}

export function drawSpeakers(v: SpeakersView): void {
  const pub = byId('speakers-pub');
  clear(pub);
  pub.appendChild(
    h('p', {
      text: render('sidebarSpeakersPublication', {
        contentId: v.contentId,
        date: dayText(v.date),
        theme: v.theme,
      }),
    }),
  );
  pub.appendChild(
    h('p', {
      text: v.current
        ? render('sidebarSpeakersCurrent', { name: v.current })
        : render('sidebarSpeakersNoCurrent'),
    }),
  );
  const list = byId('speakers-list');
  clear(list);
  if (v.suggestions.length === 0) {
    list.appendChild(h('li', { class: 'empty', text: render('sidebarSpeakersNone', { theme: v.theme }) }));
  }
  for (const s of v.suggestions) list.appendChild(speakerItem(s));
}

async function loadSpeakers(): Promise<void> {
  const status = byId('speakers-status');
  setStatus(status, 'Memuat saran narasumber…');
  try {
    const contentId = value('speakers-content');
    drawSpeakers(await call('content.speakers', contentId ? { contentId } : {}));
    setStatus(status, '');
  } catch (err) {
    setStatus(status, render('sidebarSpeakersFailed', { reason: errorText(err) }), 'bad');
  }
}

/** The publications of `Kalender Konten` to choose from (newest first); keeps the choice. */
export function fillPublications(items: readonly ContentItem[]): void {
  const select = byId<HTMLSelectElement>('speakers-content');
  const previous = select.value;
  clear(select);
  select.appendChild(h('option', { value: '', text: render('sidebarSpeakersNext') }));
  for (const c of items) {
    const label = [dayText(c.publishDate), c.theme, c.topic].filter(Boolean).join(' · ');
    select.appendChild(h('option', { value: c.id, text: `${c.id} – ${label}` }));
  }
  if (items.some((c) => c.id === previous)) select.value = previous;
}

/** Loads the suggestions the first time the box is opened. */
export function showSpeakers(): void {
  const box = byId<HTMLDetailsElement>('speakers-box');
  if (!box.open || loaded) return;
  loaded = true;
  void loadSpeakers();
}

export function initSpeakers(reloadPublications: () => Promise<void>): void {
  byId('speakers-box').addEventListener('toggle', showSpeakers);
  byId('speakers-content').addEventListener('change', () => void loadSpeakers());
  byId('speakers-refresh').addEventListener('click', () => {
    loaded = true;
    void reloadPublications().then(loadSpeakers);
  });
}
