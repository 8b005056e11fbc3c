// The settings dialog: provider, tokens and verify token are kept in Script Properties (never in
// a sheet); the webhook secret is generated here; entries are checked with clear messages.

import type { FieldError, SaveResult, SettingsInput, SettingsView } from '../../api/types';
import { render } from '../../messages/id';
import { uuid, webAppUrl } from '../../platform/script';
import { SECRET } from '../../store/settings';
import { forgetConfig, setting } from '../config';
import type { Ctx } from '../context';

export function generateSecret(): string {
  return (uuid() + uuid()).replace(/-/g, '');
}

export function webhookKey(ctx: Ctx): string {
  let key = ctx.props.get(SECRET.webhookKey);
  if (!key) {
    key = generateSecret();
    ctx.props.set(SECRET.webhookKey, key);
  }
  return key;
}

export function webhookUrl(ctx: Ctx): string {
  const base = webAppUrl();
  if (!base) return render('webhookUrlMissing');
  return `${base}?key=${webhookKey(ctx)}`;
}

export function getSettings(ctx: Ctx): SettingsView {
  return {
    provider: ctx.props.get(SECRET.provider) === 'fonnte' ? 'fonnte' : 'cloud',
    phoneNumberId: ctx.props.get(SECRET.phoneNumberId) ?? '',
    hasAccessToken: Boolean(ctx.props.get(SECRET.accessToken)),
    hasFonnteToken: Boolean(ctx.props.get(SECRET.fonnteToken)),
    verifyToken: ctx.props.get(SECRET.verifyToken) ?? '',
    webhookUrl: webhookUrl(ctx),
    graphVersion: setting(ctx.config, 'graphVersion'),
  };
}

export function validateSettings(ctx: Ctx, input: SettingsInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.provider !== 'cloud' && input.provider !== 'fonnte') {
    errors.push({ field: 'provider', message: render('settingsProviderInvalid') });
  }
  if (input.provider === 'cloud') {
    const unchanged = input.phoneNumberId.trim() === (ctx.props.get(SECRET.phoneNumberId) ?? '');
    if (!unchanged && !/^\d{5,30}$/.test(input.phoneNumberId.trim())) {
      errors.push({ field: 'phoneNumberId', message: render('settingsPhoneNumberIdInvalid') });
    }
    if (!input.accessToken.trim() && !ctx.props.get(SECRET.accessToken)) {
      errors.push({
        field: 'accessToken',
        message: render('settingsTokenMissing', { provider: 'WhatsApp Cloud' }),
      });
    }
    if (input.verifyToken.trim().length < 8) {
      errors.push({ field: 'verifyToken', message: render('settingsVerifyTokenShort') });
    }
  } else if (input.provider === 'fonnte' && !input.fonnteToken.trim() && !ctx.props.get(SECRET.fonnteToken)) {
    errors.push({ field: 'fonnteToken', message: render('settingsTokenMissing', { provider: 'Fonnte' }) });
  }
  for (const [field, value] of [
    ['accessToken', input.accessToken],
    ['fonnteToken', input.fonnteToken],
  ] as const) {
    if (/\s/.test(value.trim())) errors.push({ field, message: render('settingsTokenSpaces') });
  }
  return errors;
}

export function saveSettings(ctx: Ctx, input: SettingsInput): SaveResult {
  const errors = validateSettings(ctx, input);
  if (errors.length > 0) return { ok: false, errors };
  const values: Record<string, string> = {
    [SECRET.provider]: input.provider,
    [SECRET.phoneNumberId]: input.phoneNumberId.trim(),
    [SECRET.verifyToken]: input.verifyToken.trim(),
  };
  if (input.accessToken.trim()) values[SECRET.accessToken] = input.accessToken.trim();
  if (input.fonnteToken.trim()) values[SECRET.fonnteToken] = input.fonnteToken.trim();
  if (input.regenerateWebhookKey || !ctx.props.get(SECRET.webhookKey))
    values[SECRET.webhookKey] = generateSecret();
  ctx.props.setMany(values);
  forgetConfig(ctx.cache);
  return { ok: true, errors: [], settings: getSettings(ctx) };
}
