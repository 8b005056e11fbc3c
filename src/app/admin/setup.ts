// Setting the product up ("Siapkan Spreadsheet"): every sheet created or repaired, the cached
// configuration and header rows forgotten, every job re-planned, and exactly one `tick` trigger
// (every minute when bound, hourly as a published add-on), installed only by the account recorded
// at the first setup.

import { ENTRY } from '../../entrypoints';
import { render } from '../../messages/id';
import { withScriptLock } from '../../platform/lock';
import type { Props } from '../../platform/props';
import { scriptProperty } from '../../platform/props';
import { ensureTimeTrigger, removeTimeTriggers } from '../../platform/script';
import { applyZoneAndLocale } from '../../platform/spreadsheet';
import { effectiveUserEmail } from '../../platform/user';
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

/**
 * Script Property: the one account whose `tick` trigger runs the service (recorded at the first
 * setup, by the account that deployed the web app). A trigger runs as the user who created it, on
 * that user's quotas, and each user sees only their own triggers: if every editor who runs setup
 * installed one, each would get an every-minute `tick` sending mail as them.
 */
export const TRIGGER_OWNER_KEY = 'cfg:triggerOwner';

export interface TickTriggerReport {
  /** A trigger was (re)created for the running account. */
  created: boolean;
  everyMinutes: number;
  /** The account the trigger runs as ('' when Apps Script cannot tell). */
  owner: string;
  /** The running account is the trigger's owner. */
  mine: boolean;
  /** The running account's own `tick` triggers removed because it is not the owner. */
  removed: number;
}

/** The account that owns the `tick` trigger ('' before the first setup). */
export function tickTriggerOwner(props: Props): string {
  return props.get(TRIGGER_OWNER_KEY) ?? '';
}

/**
 * Exactly one time-driven trigger for `tick` (every minute bound, hourly as an add-on), and only
 * for the owner: the first account to run setup becomes it; any other editor gets none (and loses
 * one left over from before), and is told so.
 */
export function ensureTickTrigger(props: Props): TickTriggerReport {
  const addOn = isAddOn();
  const everyMinutes = addOn ? 60 : 1;
  const me = effectiveUserEmail();
  let owner = tickTriggerOwner(props);
  if (!owner && me) {
    owner = me;
    props.set(TRIGGER_OWNER_KEY, me);
  }
  if (owner && owner.toLowerCase() !== me.toLowerCase()) {
    return { created: false, everyMinutes, owner, mine: false, removed: removeTimeTriggers(ENTRY.tick) };
  }
  const created = ensureTimeTrigger(ENTRY.tick, addOn ? 'hour' : 'minute');
  return { created, everyMinutes, owner, mine: true, removed: 0 };
}

export function runSetup(): SetupReport & { trigger: TickTriggerReport } {
  return withScriptLock(() => {
    const ctx = new Ctx();
    // Before anything is written: a spreadsheet has its own zone and locale (its creator's
    // defaults), and its date cells are wall-clock times in that zone.
    // (The zone is read through a context of its own: this one's configuration is read after setup.)
    applyZoneAndLocale(ctx.ss, new Ctx().zoneName);
    const report = setupSpreadsheet(ctx.ss);
    ctx.db.forgetHeaders();
    forgetConfig(ctx.cache);
    replanJobs(ctx);
    const trigger = ensureTickTrigger(ctx.props);
    return { ...report, trigger };
  });
}

/** What setup did, in Indonesian: sheets created or repaired, and whose trigger runs the service. */
export function setupMessage(report: SetupReport & { trigger: TickTriggerReport }): string {
  const done = render('setupDone', {
    created: report.createdSheets.length,
    repaired: new Set(report.addedColumns.map((c) => c.split('!')[0])).size,
  });
  const t = report.trigger;
  if (t.mine || !t.owner) return done;
  return `${done} ${render('setupTriggerOther', { owner: t.owner })}`;
}

/** Whose `tick` trigger runs the service, for the account asking. */
export function triggerOwnerView(props: Props): { owner: string; mine: boolean } {
  const owner = tickTriggerOwner(props);
  return { owner, mine: !!owner && owner.toLowerCase() === effectiveUserEmail().toLowerCase() };
}
