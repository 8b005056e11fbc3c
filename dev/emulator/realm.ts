/**
 * Values crossing between the host (Node) and a script's V8 context. Every Date, array and plain
 * object handed to the script is rebuilt with the script realm's constructors, so `instanceof Date`
 * and `instanceof Array` hold inside the bundle. Values coming from the script may belong to either
 * realm: Dates are recognised by their internal tag, never by `instanceof`.
 */

export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  /** Optional: errors thrown to the script are built with it (name 'Exception'). */
  Error?: ErrorConstructor;
}

export const hostRealm: Realm = { Date, Array, Object, Error };

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A plain object of any realm: `{}` or `Object.create(null)`, not a class instance. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  if (Object.prototype.toString.call(v) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Deep copy of host data into `realm` (Dates, arrays, plain objects); other objects are kept. */
export function toRealm(v: unknown, realm: Realm): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isDate(v)) return new realm.Date(v.getTime());
  if (Array.isArray(v)) {
    const out = new realm.Array() as unknown[];
    for (let i = 0; i < v.length; i++) out.push(toRealm(v[i], realm));
    return out;
  }
  if (isPlainObject(v)) {
    const out = new realm.Object() as Record<string, unknown>;
    for (const k of Object.keys(v)) out[k] = toRealm(v[k], realm);
    return out;
  }
  return v;
}

/** Deep copy of script data into host values (for results returned to tests). */
export function toHost(v: unknown): unknown {
  return toRealm(v, hostRealm);
}
