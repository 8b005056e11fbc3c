// The socialisation kit (SOP 000 table, step 5): the service's number, the greeting and the
// wa.me link the sidebar turns into a QR code, or why there is none.

import type { KitView } from '../../api/types';
import { isLikelyPhone, waMeLink } from '../../domain/phone';
import { setting } from '../config';
import type { Ctx } from '../context';

/** SOP 000 table, step 5: the service's wa.me link with the greeting typed, for the QR code. */
export function socialisationKit(ctx: Ctx): KitView {
  const number = setting(ctx.config, 'serviceNumber');
  const greeting = setting(ctx.config, 'waGreeting') || ctx.t('waMeGreeting');
  const problem = !number
    ? ctx.t('kitNumberMissing')
    : !isLikelyPhone(number)
      ? ctx.t('kitNumberInvalid', { value: number })
      : '';
  return {
    number,
    greeting,
    link: problem ? '' : waMeLink(number, greeting),
    caption: ctx.t('qrCaption'),
    problem,
  };
}
