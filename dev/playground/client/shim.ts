// google.script.run / google.script.host for build/*.html served by the playground. Each server
// call `google.script.run.<fn>(...args)` is POSTed to /_dev/run/<fn> and executed by the bundle
// (one execution, as the spreadsheet's editor); handlers are called asynchronously as on Google.

type Handler = (value: unknown, userObject?: unknown) => void;

interface RunState {
  success: Handler | null;
  failure: Handler | null;
  userObject: unknown;
}

function call(fn: string, args: unknown[], st: RunState): void {
  fetch(`/_dev/run/${encodeURIComponent(fn)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ args }),
  })
    .then((res) => res.json() as Promise<{ ok: boolean; value?: unknown; error?: string }>)
    .then((res) => {
      if (res.ok) {
        if (st.success) st.success(res.value, st.userObject);
      } else {
        const err = new Error(res.error ?? 'Gagal');
        if (st.failure) st.failure(err, st.userObject);
        else console.error(err);
      }
    })
    .catch((e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      if (st.failure) st.failure(err, st.userObject);
      else console.error(err);
    });
}

function runner(st: RunState): unknown {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop !== 'string') return undefined;
        if (prop === 'withSuccessHandler') return (fn: Handler) => runner({ ...st, success: fn });
        if (prop === 'withFailureHandler') return (fn: Handler) => runner({ ...st, failure: fn });
        if (prop === 'withUserObject') return (o: unknown) => runner({ ...st, userObject: o });
        return (...args: unknown[]) => call(prop, args, st);
      },
    },
  );
}

const host = {
  close(): void {
    window.parent.postMessage({ type: 'halo-host-close' }, location.origin);
  },
  setHeight(): void {},
  setWidth(): void {},
  editor: { focus(): void {} },
  origin: location.origin,
};

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner({ success: null, failure: null, userObject: undefined }),
    host,
    url: {
      getLocation(cb: (l: { hash: string; parameter: object; parameters: object }) => void): void {
        cb({ hash: '', parameter: {}, parameters: {} });
      },
    },
    history: { push(): void {}, replace(): void {}, setChangeHandler(): void {} },
  },
};
