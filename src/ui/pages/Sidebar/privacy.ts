// Data warga (Aksi): a citizen asks to see or delete their data (UU No. 27/2022). The officer
// searches by number or WhatsApp user id, sees where rows are stored (sheet and count, no message
// bodies), and deletes them after typing the number again. The server checks editors and logs it.

import type { PrivacyResult } from '../../../api/types';
import { parseCitizenQuery } from '../../../domain/retention';
import { render } from '../../../messages/id';
import { call } from '../../client/bridge';
import { byId, clear, h } from '../../client/dom';
import { refreshInbox } from './inbox';
import { busyButton, clearFieldErrors, errorText, setStatus, showFieldErrors, value } from './util';

/** What the findings on screen are about: the text searched and its normalised key. */
let found: { query: string; key: string } | null = null;

const MAIN = 'HALO KOP-UKM';

function keyOf(text: string): string {
  const q = parseCitizenQuery(text);
  return q ? q.key : '';
}

function hideResult(): void {
  found = null;
  byId('privacy-result').hidden = true;
  byId('privacy-confirm').hidden = true;
  clear(byId('privacy-sheets'));
}

function hitLine(s: PrivacyResult['sheets'][number]): HTMLLIElement {
  const title = s.spreadsheet === MAIN ? s.sheet : `${s.spreadsheet} › ${s.sheet}`;
  const li = h('li', { text: render('privacyLine', { title, count: s.count, detail: s.rows }) });
  if (s.spreadsheet !== MAIN && /^https:\/\//.test(s.url)) {
    li.appendChild(document.createTextNode(' '));
    li.appendChild(h('a', { href: s.url, target: '_blank', rel: 'noopener', text: 'buka arsip' }));
  }
  return li;
}

function drawFindings(query: string, v: PrivacyResult): void {
  const status = byId('privacy-status');
  const list = byId('privacy-sheets');
  clear(list);
  if (v.total === 0 && v.states === 0 && v.queued === 0) {
    hideResult();
    setStatus(status, render('privacyNotFound', { value: query }));
    return;
  }
  setStatus(status, render('sidebarPrivacyFound', { value: query, total: v.total }));
  for (const s of v.sheets) list.appendChild(hitLine(s));
  if (v.states > 0) list.appendChild(h('li', { text: render('privacyStateLine', { count: v.states }) }));
  if (v.queued > 0) list.appendChild(h('li', { text: render('privacyQueueLine', { count: v.queued }) }));
  found = { query, key: keyOf(query) };
  byId('privacy-confirm').hidden = true;
  byId('privacy-result').hidden = false;
}

async function find(): Promise<void> {
  const form = byId('privacy-form');
  const status = byId('privacy-status');
  clearFieldErrors(form);
  hideResult();
  const query = value('privacy-query').trim();
  if (!parseCitizenQuery(query)) {
    showFieldErrors('privacy', [{ field: 'query', message: render('privacyQueryInvalid') }]);
    setStatus(status, '');
    return;
  }
  setStatus(status, render('sidebarPrivacySearching'));
  try {
    const v = await busyButton(byId<HTMLButtonElement>('privacy-find'), () =>
      call('privacy.find', { query }),
    );
    drawFindings(query, v);
  } catch (err) {
    setStatus(status, render('sidebarPrivacyFailed', { reason: errorText(err) }), 'bad');
  }
}

function askConfirmation(): void {
  if (!found) return;
  const input = byId<HTMLInputElement>('privacy-confirm-query');
  input.value = '';
  input.removeAttribute('aria-invalid');
  byId('err-privacy-confirm-query').textContent = '';
  byId('privacy-confirm-text').textContent = render('sidebarPrivacyConfirm');
  byId('privacy-confirm').hidden = false;
  input.focus();
}

async function remove(): Promise<void> {
  if (!found) return;
  const status = byId('privacy-status');
  const confirmInput = byId<HTMLInputElement>('privacy-confirm-query');
  clearFieldErrors(byId('privacy-confirm'));
  if (keyOf(confirmInput.value) !== found.key) {
    showFieldErrors('privacy', [{ field: 'confirm-query', message: render('sidebarPrivacyMismatch') }]);
    return;
  }
  const { query } = found;
  setStatus(status, render('sidebarPrivacyDeleting'));
  try {
    const v = await busyButton(byId<HTMLButtonElement>('privacy-delete-yes'), () =>
      call('privacy.delete', { query, confirm: true }),
    );
    hideResult();
    byId<HTMLInputElement>('privacy-query').value = '';
    setStatus(status, render('privacyDeleted', { value: query, total: v.total }), 'ok');
    void refreshInbox();
  } catch (err) {
    setStatus(status, render('sidebarPrivacyFailed', { reason: errorText(err) }), 'bad');
  }
}

export function initPrivacy(): void {
  byId<HTMLFormElement>('privacy-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void find();
  });
  // Findings belong to the text searched: a change needs a new search before anything is deleted.
  byId('privacy-query').addEventListener('input', () => {
    if (found) {
      hideResult();
      setStatus(byId('privacy-status'), '');
    }
  });
  byId('privacy-delete').addEventListener('click', askConfirmation);
  byId('privacy-delete-yes').addEventListener('click', () => void remove());
  byId('privacy-confirm-query').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      void remove();
    }
  });
  byId('privacy-delete-no').addEventListener('click', () => {
    byId('privacy-confirm').hidden = true;
    byId('privacy-delete').focus();
  });
}
