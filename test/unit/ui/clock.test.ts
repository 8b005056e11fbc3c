// The pages' clock: the server's time from each answer, advanced by elapsed (monotonic) time only.

import {
  adoptClock,
  clockKnown,
  offset,
  resetClock,
  serverNow,
  whenClockKnown,
  zone,
} from '../../../src/ui/client/clock';
import { todayLocal } from '../../../src/ui/pages/Sidebar/util';

beforeEach(() => resetClock());

describe('server clock in the pages', () => {
  it('knows no time before the first answer, so no date field is filled from the browser', () => {
    expect(clockKnown()).toBe(false);
    expect(serverNow()).toBeNaN();
    expect(todayLocal()).toBe('');
  });

  it('takes the time and zone of an answer and advances by elapsed time', () => {
    let ready = 0;
    whenClockKnown(() => (ready += 1));
    adoptClock({ now: '2028-02-29T16:59:30.000Z', offset: 480, zone: 'WITA' }, 1000);
    expect(ready).toBe(1);
    expect(serverNow(1000)).toBe(Date.parse('2028-02-29T16:59:30.000Z'));
    expect(serverNow(61000)).toBe(Date.parse('2028-02-29T17:00:30.000Z'));
    expect(offset()).toBe(480);
    expect(zone()).toBe('WITA');
    // 00:59 on 1 March in WITA, while UTC still says 29 February.
    expect(todayLocal(serverNow(1000))).toBe('2028-03-01');
    expect(todayLocal(serverNow(1000), 0)).toBe('2028-02-29');
  });

  it('re-anchors on every answer and ignores answers without a clock', () => {
    adoptClock({ now: '2026-12-02T01:00:00.000Z', offset: 420, zone: 'WIB' }, 0);
    adoptClock(undefined, 5000);
    adoptClock({ now: 'not a date', offset: 0 }, 5000);
    expect(serverNow(5000)).toBe(Date.parse('2026-12-02T01:00:05.000Z'));
    adoptClock({ now: '2026-12-01T00:00:00.000Z', offset: 420, zone: 'WIB' }, 6000);
    expect(serverNow(6000)).toBe(Date.parse('2026-12-01T00:00:00.000Z'));
    expect(zone()).toBe('WIB');
  });

  it('rejects an impossible zone offset', () => {
    adoptClock({ now: '2026-12-02T01:00:00.000Z', offset: 5000, zone: 'X' }, 0);
    expect(offset()).toBe(420);
  });
});
