// Setting the product up ("Siapkan Spreadsheet"): every sheet created or repaired, the cached
// configuration and header rows forgotten, every job re-planned, and exactly one `tick` trigger
// (every minute when bound, hourly as a published add-on).

import { ENTRY } from '../../entrypoints';
import { withScriptLock } from '../../platform/lock';
import { scriptProperty } from '../../platform/props';
import { ensureTimeTrigger } from '../../platform/script';
import type { SetupReport } from '../../store/setup';
import { setupSpreadsheet } from '../../store/setup';
import { forgetConfig } from '../config';
import { Ctx } from '../context';
import { replanJobs } from '../scheduler/tick';

/** Script Property set at install time: this deployment is a published add-on. */
export const ADDON_KEY = 'cfg:addon';

/** True when running as a published Editor add-on (triggers at most hourly). */
export function isAddOn(): boolean {
  try {
    // A bound script has a container; an add-on's ScriptApp reports AuthMode on events only, so
    // the deployment marks itself with a property set at install time.
    return scriptProperty(ADDON_KEY) === 'true';
  } catch {
    return false;
  }
}

/** Exactly one time-driven trigger for `tick`: every minute (bound) or hourly (add-on). */
export function ensureTickTrigger(): { created: boolean; everyMinutes: number } {
  const addOn = isAddOn();
  const created = ensureTimeTrigger(ENTRY.tick, addOn ? 'hour' : 'minute');
  return { created, everyMinutes: addOn ? 60 : 1 };
}

export function runSetup(): SetupReport & { trigger: { created: boolean; everyMinutes: number } } {
  return withScriptLock(() => {
    const ctx = new Ctx();
    const report = setupSpreadsheet(ctx.ss);
    ctx.db.forgetHeaders();
    forgetConfig(ctx.cache);
    replanJobs(ctx);
    const trigger = ensureTickTrigger();
    return { ...report, trigger };
  });
}
