// google.script.run as Google serialises it (developers.google.com/apps-script/guides/html/communication#parameters_and_return_values):
// primitives, null, plain objects and arrays cross; a Date, a function, a DOM element (other than a
// form as the only argument) or a cycle fails the request; undefined in arrays becomes null. The
// playground's shim (dev/playground/client/shim.ts) and its /_dev/run route use these rules.
import { scriptRunArgs, scriptRunResult } from '../../dev/playground/script-run';

describe('google.script.run arguments', () => {
  it('pass primitives, null, plain objects and arrays, undefined in arrays as null', () => {
    expect(
      scriptRunArgs(['a', 1, true, null, { x: [1, undefined, 'b'], y: undefined }, [undefined]]),
    ).toEqual(['a', 1, true, null, { x: [1, null, 'b'] }, [null]]);
  });

  it('refuse a Date, a function or another object at the call, naming the property', () => {
    expect(() => scriptRunArgs([new Date()])).toThrow('Failed due to illegal value in property: 0');
    expect(() => scriptRunArgs(['ok', { when: new Date() }])).toThrow(
      'Failed due to illegal value in property: when',
    );
    expect(() => scriptRunArgs([{ f: () => 1 }])).toThrow('Failed due to illegal value in property: f');
    expect(() => scriptRunArgs([new Map()])).toThrow('Failed due to illegal value in property: 0');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => scriptRunArgs([cycle])).toThrow('Failed due to illegal value in property: self');
  });
});

describe('google.script.run results', () => {
  it('reach the success handler as plain data, or null when they hold a Date or a function', () => {
    expect(scriptRunResult({ ok: true, list: [1, undefined] })).toEqual({ ok: true, list: [1, null] });
    expect(scriptRunResult({ at: new Date() })).toBeNull();
    expect(scriptRunResult(() => 1)).toBeNull();
    expect(scriptRunResult(undefined)).toBeNull();
  });
});
