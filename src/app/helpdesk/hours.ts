// The help desk's hours and session length as configured (Pengaturan): service hours with the
// holidays, and the minutes a connected session lasts (SOP 000 V.1, V.10).

import type { ServiceHours } from '../../domain/hours';
import { parseWorkDays } from '../../domain/hours';
import { setting, settingNumber } from '../config';
import type { Ctx } from '../context';

export function serviceHours(ctx: Ctx): ServiceHours {
  return {
    workDays: parseWorkDays(setting(ctx.config, 'workDays')) ?? [1, 2, 3, 4, 5],
    open: setting(ctx.config, 'openTime'),
    close: setting(ctx.config, 'closeTime'),
    holidays: ctx.config.holidays,
    offset: ctx.offset,
  };
}

export function sessionMinutes(ctx: Ctx): number {
  const n = settingNumber(ctx.config, 'sessionMinutes', 30);
  return n > 0 ? n : 30;
}
