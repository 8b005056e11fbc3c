// The settings dialog: provider, tokens and verify token (stored in Script Properties by the
// server), the webhook URL to paste into Meta or Fonnte.

import type { SettingsInput, SettingsView } from '../../../api/types';
import { call, closeDialog } from '../../client/bridge';
import { byId } from '../../client/dom';

const form = byId<HTMLFormElement>('form');
const status = byId('status');

function provider(): 'cloud' | 'fonnte' {
  const checked = form.querySelector<HTMLInputElement>('input[name=provider]:checked');
  return checked && checked.value === 'fonnte' ? 'fonnte' : 'cloud';
}

function showProvider(): void {
  const p = provider();
  form.querySelector<HTMLElement>('.cloud')!.hidden = p !== 'cloud';
  form.querySelector<HTMLElement>('.fonnte')!.hidden = p !== 'fonnte';
}

function show(view: SettingsView): void {
  form
    .querySelectorAll<HTMLInputElement>('input[name=provider]')
    .forEach((r) => (r.checked = r.value === view.provider));
  byId<HTMLInputElement>('phoneNumberId').value = view.phoneNumberId;
  byId<HTMLInputElement>('verifyToken').value = view.verifyToken;
  byId<HTMLInputElement>('accessToken').value = '';
  byId<HTMLInputElement>('fonnteToken').value = '';
  byId('hint-accessToken').textContent = view.hasAccessToken ? 'Token tersimpan.' : 'Belum ada token.';
  byId('hint-fonnteToken').textContent = view.hasFonnteToken ? 'Token tersimpan.' : 'Belum ada token.';
  byId<HTMLTextAreaElement>('webhookUrl').value = view.webhookUrl;
  byId<HTMLInputElement>('regenerate').checked = false;
  showProvider();
}

function clearErrors(): void {
  form.querySelectorAll('.error').forEach((e) => (e.textContent = ''));
}

form.addEventListener('change', showProvider);
byId('close').addEventListener('click', closeDialog);
form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  clearErrors();
  const input: SettingsInput = {
    provider: provider(),
    phoneNumberId: byId<HTMLInputElement>('phoneNumberId').value,
    accessToken: byId<HTMLInputElement>('accessToken').value,
    fonnteToken: byId<HTMLInputElement>('fonnteToken').value,
    verifyToken: byId<HTMLInputElement>('verifyToken').value,
    regenerateWebhookKey: byId<HTMLInputElement>('regenerate').checked,
  };
  status.textContent = 'Menyimpan…';
  call('settings.save', input)
    .then((res) => {
      if (!res.ok) {
        for (const e of res.errors) {
          const el = document.getElementById(`err-${e.field}`);
          if (el) el.textContent = e.message;
        }
        status.textContent = 'Periksa isian yang ditandai.';
        return;
      }
      if (res.settings) show(res.settings);
      status.textContent = 'Pengaturan tersimpan.';
    })
    .catch((e: Error) => (status.textContent = e.message));
});

status.textContent = 'Memuat…';
call('settings.get', {})
  .then((view) => {
    show(view);
    status.textContent = '';
  })
  .catch((e: Error) => (status.textContent = e.message));
