// Script Properties: durable key/value state (strings; ~9 KB a value, 500 KB in all). Read once per
// execution (getProperties) and again when the script lock is taken; inside the lock, writes are
// buffered and stored in one setProperties when it is released.

import { insideLock, registerLockParticipant } from './lock';

export interface Props {
  get(key: string): string | null;
  getJson<T>(key: string): T | null;
  set(key: string, value: string): void;
  /** Stores at once, even inside the lock (a marker that must survive a killed execution). */
  setNow(key: string, value: string): void;
  /** Removes at once, even inside the lock. */
  removeNow(key: string): void;
  setJson(key: string, value: unknown): void;
  setMany(values: Record<string, string>): void;
  remove(key: string): void;
  all(): Record<string, string>;
}

export function scriptProps(): Props {
  const store = PropertiesService.getScriptProperties();
  let snapshot: Record<string, string> | null = null;
  const pending: Record<string, string> = {};
  const removed = new Set<string>();
  const load = (): Record<string, string> => {
    if (!snapshot) snapshot = { ...store.getProperties() };
    return snapshot;
  };
  registerLockParticipant({
    acquired() {
      snapshot = null; // another execution may have changed state while we waited
    },
    releasing() {
      if (Object.keys(pending).length > 0) store.setProperties({ ...pending }, false);
      for (const key of removed) store.deleteProperty(key);
      for (const key of Object.keys(pending)) delete pending[key];
      removed.clear();
    },
  });
  const write = (key: string, value: string): void => {
    load()[key] = value;
    if (insideLock()) {
      pending[key] = value;
      removed.delete(key);
    } else store.setProperty(key, value);
  };
  const props: Props = {
    get: (key) => {
      const v = load()[key];
      return v === undefined ? null : v;
    },
    getJson<T>(key: string): T | null {
      const raw = props.get(key);
      if (raw === null || raw === '') return null;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return null;
      }
    },
    set: write,
    setNow: (key, value) => {
      load()[key] = value;
      delete pending[key];
      removed.delete(key);
      store.setProperty(key, value);
    },
    removeNow: (key) => {
      delete load()[key];
      delete pending[key];
      removed.delete(key);
      store.deleteProperty(key);
    },
    setJson: (key, value) => write(key, JSON.stringify(value)),
    setMany: (values) => {
      for (const [k, v] of Object.entries(values)) write(k, v);
    },
    remove: (key) => {
      const snap = load();
      if (!(key in snap)) return;
      delete snap[key];
      if (insideLock()) {
        delete pending[key];
        removed.add(key);
      } else store.deleteProperty(key);
    },
    all: () => ({ ...load() }),
  };
  return props;
}

/** One property read on its own (one call, no snapshot): for executions that need just this one. */
export function scriptProperty(key: string): string | null {
  return PropertiesService.getScriptProperties().getProperty(key);
}

/** One property written on its own, at once. */
export function setScriptProperty(key: string, value: string): void {
  PropertiesService.getScriptProperties().setProperty(key, value);
}
