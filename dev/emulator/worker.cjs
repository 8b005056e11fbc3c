'use strict';
/**
 * Worker side of concurrent.ts: one execution of the bundle in a fresh V8 context whose Apps Script
 * globals are proxies over the emulator living in the main thread (synchronous RPC: postMessage,
 * then Atomics.wait until the main thread answers). Plain JavaScript because worker threads load it
 * without a TypeScript loader.
 */
const { workerData, parentPort, receiveMessageOnPort } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const vm = require('node:vm');

const { port, code, filename, fn, args, roots, installDate, lockTimeoutMessage, functionNotFound } =
  workerData;
const flag = new Int32Array(workerData.flag);
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms) {
  if (ms > 0) Atomics.wait(sleeper, 0, 0, ms);
}

/** One synchronous request to the main thread. */
function rpc(msg) {
  Atomics.store(flag, 0, 0);
  port.postMessage(msg);
  Atomics.wait(flag, 0, 0);
  let r = receiveMessageOnPort(port);
  while (!r) {
    sleep(1);
    r = receiveMessageOnPort(port);
  }
  return r.message;
}

const context = vm.createContext({}, { name: 'Apps Script (worker)' });
vm.runInContext(installDate, context)(() => rpc({ op: 'now' }).ok);
const realm = vm.runInContext('({ Date: Date, Array: Array, Object: Object, Error: Error })', context);

function scriptError(err) {
  const e = new realm.Error(err.message);
  e.name = err.name;
  return e;
}

function unwrap(res) {
  if (res.err) throw scriptError(res.err);
  return res.ok;
}

const proxyIds = new WeakMap();
const proxies = new Map();
/** "Class.prop" → true when it is a method (learned once per class). */
const isMethod = new Map();

function decode(v) {
  if (v === null || typeof v !== 'object') return v;
  if (v.$d !== undefined) return new realm.Date(v.$d);
  if (v.$a !== undefined) {
    const a = new realm.Array();
    for (const x of v.$a) a.push(decode(x));
    return a;
  }
  if (v.$h !== undefined) return handleProxy(v.$h, v.c);
  if (v.$o !== undefined) {
    const o = new realm.Object();
    for (const k of Object.keys(v.$o)) o[k] = decode(v.$o[k]);
    return o;
  }
  return v;
}

function encode(v) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
  if (proxyIds.has(v)) return { $h: proxyIds.get(v) };
  if (Object.prototype.toString.call(v) === '[object Date]') return { $d: v.getTime() };
  if (Array.isArray(v)) return { $a: v.map(encode) };
  if (typeof v === 'function')
    throw new realm.Error('A function cannot be passed to an Apps Script service.');
  const o = {};
  for (const k of Object.keys(v)) o[k] = encode(v[k]);
  return { $o: o };
}

function lockMethod(id, method) {
  return function (timeoutInMillis) {
    if (typeof timeoutInMillis !== 'number') {
      return decode(unwrap(rpc({ op: 'call', id, prop: method, args: [encode(timeoutInMillis)] })));
    }
    const deadline = performance.now() + Math.max(0, timeoutInMillis);
    let first = true;
    for (;;) {
      const got = unwrap(rpc({ op: 'lock', id, method, first }));
      first = false;
      if (got) return method === 'tryLock' ? true : undefined;
      const left = deadline - performance.now();
      if (left <= 0) {
        if (method === 'tryLock') return false;
        throw scriptError({ name: 'Exception', message: lockTimeoutMessage });
      }
      sleep(Math.min(5, left));
    }
  };
}

function methodOf(id, cls, prop) {
  if (cls === 'Lock' && (prop === 'tryLock' || prop === 'waitLock')) return lockMethod(id, prop);
  if (cls === 'Utilities' && prop === 'sleep') {
    return function (ms) {
      unwrap(rpc({ op: 'call', id, prop, args: [encode(ms)] }));
      sleep(ms);
    };
  }
  return function (...a) {
    return decode(unwrap(rpc({ op: 'call', id, prop, args: a.map(encode) })));
  };
}

function handleProxy(id, cls) {
  const known = proxies.get(id);
  if (known) return known;
  const methods = new Map();
  const target = new realm.Object();
  const proxy = new Proxy(target, {
    get(_t, prop) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
      if (prop === 'toString') return () => cls;
      const key = cls + '.' + prop;
      if (isMethod.get(key)) {
        let m = methods.get(prop);
        if (!m) methods.set(prop, (m = methodOf(id, cls, prop)));
        return m;
      }
      const v = unwrap(rpc({ op: 'get', id, prop }));
      if (v && typeof v === 'object' && v.$f) {
        isMethod.set(key, true);
        const m = methodOf(id, cls, prop);
        methods.set(prop, m);
        return m;
      }
      return decode(v);
    },
    set(_t, prop, value) {
      if (typeof prop === 'symbol') return false;
      unwrap(rpc({ op: 'set', id, prop, value: encode(value) }));
      return true;
    },
    has(_t, prop) {
      if (typeof prop === 'symbol') return false;
      return unwrap(rpc({ op: 'get', id, prop })) !== undefined;
    },
    ownKeys() {
      return [];
    },
    getOwnPropertyDescriptor() {
      return undefined;
    },
  });
  proxyIds.set(proxy, id);
  proxies.set(id, proxy);
  return proxy;
}

for (const name of Object.keys(roots)) {
  Object.defineProperty(context, name, {
    value: handleProxy(roots[name], name),
    writable: true,
    configurable: true,
    enumerable: true,
  });
}

function errorInfo(e) {
  if (e && typeof e === 'object') {
    return {
      name: String(e.name || 'Error'),
      message: String(e.message),
      stack: e.stack ? String(e.stack) : undefined,
    };
  }
  return { name: 'Error', message: String(e) };
}

let loaded = false;
try {
  vm.runInContext(code, context, { filename });
  loaded = true;
} catch (e) {
  parentPort.postMessage({ type: 'done', error: errorInfo(e) });
}

if (loaded) {
  unwrap(rpc({ op: 'begin' }));
  let result;
  let error = null;
  try {
    const f = context[fn];
    if (typeof f !== 'function') throw new realm.Error(functionNotFound);
    result = f.apply(undefined, args.map(decode));
  } catch (e) {
    error = e;
  }
  const end = rpc({ op: 'end' });
  if (!error && end.err) error = scriptError(end.err);
  if (error) parentPort.postMessage({ type: 'done', error: errorInfo(error) });
  else {
    let encoded;
    try {
      encoded = encode(result);
    } catch (e) {
      parentPort.postMessage({ type: 'done', error: errorInfo(e) });
    }
    if (encoded !== undefined || result === undefined)
      parentPort.postMessage({ type: 'done', result: encoded });
  }
}
