import { loadBundle } from '../../dev/emulator/sandbox';
import { gas, newEmu, thrown } from './helpers';

describe('ScriptApp triggers', () => {
  it('creates, lists and deletes time-driven triggers', () => {
    const emu = newEmu();
    const { ScriptApp } = gas(emu);
    const t = ScriptApp.newTrigger('tick').timeBased().everyMinutes(1).create();
    expect(t.getHandlerFunction()).toBe('tick');
    expect(t.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(ScriptApp.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
    expect(emu.triggers).toEqual([]);
  });

  it('accepts only Google\u2019s intervals for everyMinutes and everyHours', () => {
    const emu = newEmu();
    const { ScriptApp } = gas(emu);
    for (const n of [1, 5, 10, 15, 30]) ScriptApp.newTrigger('f').timeBased().everyMinutes(n);
    for (const n of [2, 3, 20, 60]) {
      expect(thrown(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(n)).name).toBe('Exception');
    }
    for (const n of [1, 2, 4, 6, 8, 12]) ScriptApp.newTrigger('f').timeBased().everyHours(n);
    for (const n of [3, 5, 24])
      expect(thrown(() => ScriptApp.newTrigger('f').timeBased().everyHours(n)).name).toBe('Exception');
    expect(thrown(() => ScriptApp.newTrigger('f').timeBased().create()).name).toBe('Exception');
    expect(thrown(() => ScriptApp.newTrigger('f').timeBased().everyHours(1).atHour(3).create()).name).toBe(
      'Exception',
    );
  });

  it('refuses a 21st trigger for the user with Google\u2019s message', () => {
    const emu = newEmu();
    const { ScriptApp, SpreadsheetApp } = gas(emu);
    for (let i = 0; i < 19; i++)
      ScriptApp.newTrigger(`f${i}`)
        .timeBased()
        .everyDays(1)
        .atHour(i % 24)
        .create();
    ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
    expect(thrown(() => ScriptApp.newTrigger('x').timeBased().everyHours(1).create()).message).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });

  it('limits a published add-on to hourly time-driven triggers, one per document and user', () => {
    const emu = newEmu({ addOn: true });
    const { ScriptApp } = gas(emu);
    expect(thrown(() => ScriptApp.newTrigger('tick').timeBased().everyMinutes(1).create()).message).toBe(
      'Add-ons may only create time-based triggers that run at most once per hour.',
    );
    ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
    expect(thrown(() => ScriptApp.newTrigger('other').timeBased().everyDays(1).create()).message).toBe(
      'This add-on already has a time-based trigger for this document and user. Delete it before creating another.',
    );
    expect(emu.triggers).toHaveLength(1);
    const bound = newEmu();
    gas(bound).ScriptApp.newTrigger('tick').timeBased().everyMinutes(1).create();
    gas(bound)
      .ScriptApp.newTrigger('report')
      .timeBased()
      .onWeekDay(gas(bound).ScriptApp.WeekDay.MONDAY)
      .atHour(8)
      .create();
    expect(bound.triggers).toHaveLength(2);
  });

  it('tells which clock triggers are due in a window (emu.dueTriggers)', () => {
    const emu = newEmu(); // 2026-11-23 09:00 Asia/Jakarta, a Monday
    const { ScriptApp } = gas(emu);
    ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create();
    ScriptApp.newTrigger('hourly').timeBased().everyHours(2).nearMinute(30).create();
    ScriptApp.newTrigger('weekly')
      .timeBased()
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(10)
      .nearMinute(0)
      .create();
    ScriptApp.newTrigger('once')
      .timeBased()
      .after(7 * 60_000)
      .create();
    const since = emu.clock.now();
    const due = emu.dueTriggers(since, since + 90 * 60_000);
    const names = due.map((d) => `${d.trigger.handler}@${new Date(d.at).toISOString().slice(11, 16)}`);
    expect(names.filter((n) => n.startsWith('tick'))).toHaveLength(18);
    expect(names.filter((n) => !n.startsWith('tick'))).toEqual([
      'once@02:07',
      'weekly@03:00',
      'hourly@03:30',
    ]);
    const nextWeek = emu
      .dueTriggers(since + 86_400_000, since + 8 * 86_400_000)
      .filter((d) => d.trigger.handler === 'weekly');
    expect(nextWeek.map((d) => new Date(d.at).toISOString())).toEqual(['2026-11-30T03:00:00.000Z']);
  });

  it('answers the web app URL, script id and OAuth token', () => {
    const emu = newEmu({ scriptId: 'abc' });
    const { ScriptApp } = gas(emu);
    expect(ScriptApp.getScriptId()).toBe('abc');
    expect(ScriptApp.getService().getUrl()).toMatch(
      /^https:\/\/script\.google\.com\/macros\/s\/AKfycb[\w-]+\/exec$/,
    );
    expect(ScriptApp.getOAuthToken()).toMatch(/^ya29\./);
  });
});

describe('firing clock triggers', () => {
  it('runs a due trigger as a trigger execution with Google\u2019s event object', () => {
    const emu = newEmu();
    const sb = loadBundle(
      `function install() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(1).create(); }
       function tick(e) { return [e.triggerUid, e.minute, e.timezone, LockService.getDocumentLock() !== null]; }
       function ui() { SpreadsheetApp.getUi(); }`,
      emu,
    );
    sb.run('install');
    const since = emu.clock.now();
    emu.clock.advanceMinutes(3);
    const due = emu.dueTriggers(since, emu.clock.now());
    expect(due).toHaveLength(3);
    const r = sb.runTrigger(due[0]);
    expect(r.result).toEqual([emu.triggers[0].id, 1, 'UTC', true]);
    expect(r.calls.kind).toBe('trigger');
    expect(() => sb.runAs({ kind: 'trigger' }, 'ui')).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});

describe('triggers belong to the user who installed them', () => {
  // reference/script/script-app#getProjectTriggers(): "Gets all installable triggers associated
  // with the current project and current user"; a trigger runs as the user who created it
  // (guides/triggers/installable: "Installable triggers always run under the account of the
  // person who created them").
  const SCRIPT = `function install() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(1).create(); }
     function mine() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }); }
     function who() { return Session.getEffectiveUser().getEmail(); }
     function tick() { return Session.getEffectiveUser().getEmail(); }`;

  it('shows each user only their own triggers, so a second editor installs a second one', () => {
    const emu = newEmu({ userEmail: 'owner@example.com' });
    const sb = loadBundle(SCRIPT, emu);
    sb.run('install');
    const editor = { kind: 'editor' as const, activeUser: 'editor@example.com' };
    expect(sb.runAs(editor, 'mine').result).toEqual([]);
    expect(sb.runAs(editor, 'who').result).toBe('editor@example.com');
    sb.runAs(editor, 'install');
    expect(sb.run('mine').result).toEqual(['tick']);
    expect(emu.triggers.map((t) => t.user)).toEqual(['owner@example.com', 'editor@example.com']);
  });

  it('runs a trigger as its creator, whose triggers it sees', () => {
    const emu = newEmu({ userEmail: 'owner@example.com' });
    const sb = loadBundle(SCRIPT, emu);
    sb.runAs({ kind: 'editor', activeUser: 'editor@example.com' }, 'install');
    const since = emu.clock.now();
    const [due] = emu.dueTriggers(since, since + 60_000);
    expect(sb.runTrigger(due).result).toBe('editor@example.com');
  });

  it('cannot delete another user\u2019s trigger', () => {
    const emu = newEmu({ userEmail: 'owner@example.com' });
    const sb = loadBundle(
      `${SCRIPT}
       function clear() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }`,
      emu,
    );
    sb.run('install');
    sb.runAs({ kind: 'editor', activeUser: 'editor@example.com' }, 'clear');
    expect(emu.triggers).toHaveLength(1);
    sb.run('clear');
    expect(emu.triggers).toHaveLength(0);
  });
});
