// Script Properties: durable key/value state (strings; ~9 KB a value, 500 KB in all).

export interface Props {
  get(key: string): string | null;
  getJson<T>(key: string): T | null;
  set(key: string, value: string): void;
  setJson(key: string, value: unknown): void;
  setMany(values: Record<string, string>): void;
  remove(key: string): void;
  all(): Record<string, string>;
}

export function scriptProps(): Props {
  const store = PropertiesService.getScriptProperties();
  return {
    get: (key) => store.getProperty(key),
    getJson<T>(key: string): T | null {
      const raw = store.getProperty(key);
      if (raw === null || raw === '') return null;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      store.setProperty(key, value);
    },
    setJson: (key, value) => {
      store.setProperty(key, JSON.stringify(value));
    },
    setMany: (values) => {
      store.setProperties(values, false);
    },
    remove: (key) => {
      store.deleteProperty(key);
    },
    all: () => store.getProperties(),
  };
}
