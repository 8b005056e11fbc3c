// What crosses `google.script.run` as Google serialises it (developers.google.com/apps-script/guides/html/communication#parameters_and_return_values):
// "Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as well as
// JavaScript objects and arrays that are composed of primitives, objects and arrays. A form
// element within the page is also legal as a parameter, but it must be the function's only
// parameter … Requests fail if you attempt to pass a Date, Function, DOM element besides a form,
// or other prohibited type, including prohibited types inside objects or arrays. Objects that
// create circular references will also fail, and undefined fields within arrays become null."
// The same rules hold for what the server function returns: a return value holding a prohibited
// type reaches the success handler as null. Used by the playground's shim (client/shim.ts) and by
// its /_dev/run route; no DOM, no Node.

/** The error the page gets (thrown at the call, as google.script.run throws it). */
export class IllegalValueError extends TypeError {
  constructor(property: string) {
    super(`Failed due to illegal value in property: ${property}`);
    this.name = 'TypeError';
  }
}

function plain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || proto === Object.prototype;
}

/**
 * The value as the server receives it: a copy in which `undefined` array items are null and
 * `undefined` fields are dropped. Throws IllegalValueError for a Date, a function, a symbol, a
 * bigint, any object that is not a plain object or an array (a DOM node, a Map …), or a cycle.
 */
export function scriptRunCopy(value: unknown, property = '0', seen: Set<object> = new Set()): unknown {
  if (value === null || value === undefined) return value === undefined ? undefined : null;
  const t = typeof value;
  if (t === 'string' || t === 'boolean') return value;
  if (t === 'number') return value;
  if (t !== 'object') throw new IllegalValueError(property);
  const o = value as object;
  if (seen.has(o)) throw new IllegalValueError(property);
  if (Array.isArray(o)) {
    seen.add(o);
    const out = o.map((x, i) => {
      const c = scriptRunCopy(x, String(i), seen);
      return c === undefined ? null : c;
    });
    seen.delete(o);
    return out;
  }
  if (!plain(o)) throw new IllegalValueError(property);
  seen.add(o);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    const c = scriptRunCopy(x, k, seen);
    if (c !== undefined) out[k] = c;
  }
  seen.delete(o);
  return out;
}

/** The arguments of a call, checked and copied (each argument's property is its index). */
export function scriptRunArgs(args: unknown[]): unknown[] {
  return args.map((a, i) => {
    const c = scriptRunCopy(a, String(i));
    return c === undefined ? null : c;
  });
}

/** What the success handler receives for a server function's result: null when it is not legal. */
export function scriptRunResult(value: unknown): unknown {
  try {
    const c = scriptRunCopy(value);
    return c === undefined ? null : c;
  } catch {
    return null;
  }
}
