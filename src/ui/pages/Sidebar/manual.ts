// Catat Manual: a consultation or complaint that came by phone, in person, Instagram DM, email or
// otherwise, with the bot's Jenis/Bidang/Topik choices; written to `Sesi` so the report counts it.

import { validateManual } from '../../../api/forms';
import type { ManualChannel, ManualLogInput } from '../../../api/types';
import { TOPICS } from '../../../domain/menu';
import { isBidang, MANUAL_CHANNELS } from '../../../domain/types';
import { call } from '../../client/bridge';
import { byId, clear, h } from '../../client/dom';
import {
  busyButton,
  clearFieldErrors,
  errorText,
  offset,
  serverNow,
  setStatus,
  showFieldErrors,
  value,
} from './util';

function fillTopics(): void {
  const select = byId<HTMLSelectElement>('manual-topic');
  const bidang = value('manual-bidang');
  const previous = select.value;
  clear(select);
  if (!isBidang(bidang)) {
    select.appendChild(h('option', { value: '', text: '— pilih bidang dahulu —' }));
    select.disabled = true;
    return;
  }
  select.disabled = false;
  select.appendChild(h('option', { value: '', text: '— pilih —' }));
  for (const t of TOPICS[bidang]) select.appendChild(h('option', { value: t, text: t }));
  if (TOPICS[bidang].includes(previous)) select.value = previous;
}

function input(): ManualLogInput {
  return {
    channel: value('manual-channel') as ManualChannel,
    jenis: value('manual-jenis'),
    bidang: value('manual-bidang'),
    topic: value('manual-topic'),
    name: value('manual-name'),
    contact: value('manual-contact'),
    summary: value('manual-summary'),
    at: value('manual-at'),
  };
}

async function save(form: HTMLFormElement): Promise<void> {
  const status = byId('manual-status');
  clearFieldErrors(form);
  const req = input();
  const errors = validateManual(req, serverNow(), offset());
  if (errors.length > 0) {
    showFieldErrors('manual', errors);
    setStatus(status, 'Periksa isian yang ditandai.', 'bad');
    return;
  }
  setStatus(status, 'Menyimpan…');
  try {
    const res = await busyButton(byId<HTMLButtonElement>('manual-save'), () => call('manual.log', req));
    if (!res.ok) {
      showFieldErrors('manual', res.errors);
      setStatus(status, 'Periksa isian yang ditandai.', 'bad');
      return;
    }
    form.reset();
    fillTopics();
    setStatus(status, `Tersimpan sebagai ${res.id ?? ''} di lembar Sesi.`, 'ok');
  } catch (err) {
    setStatus(status, `Gagal menyimpan: ${errorText(err)}`, 'bad');
  }
}

export function initManual(): void {
  const channel = byId<HTMLSelectElement>('manual-channel');
  channel.appendChild(h('option', { value: '', text: '— pilih —' }));
  for (const c of MANUAL_CHANNELS) channel.appendChild(h('option', { value: c, text: c }));
  fillTopics();
  byId('manual-bidang').addEventListener('change', fillTopics);
  const form = byId<HTMLFormElement>('manual-form');
  form.addEventListener('reset', () => {
    setTimeout(() => {
      fillTopics();
      clearFieldErrors(form);
    }, 0);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void save(form);
  });
}
