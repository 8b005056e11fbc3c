// google.script.run / google.script.host for build/*.html served by the playground. Each server
// call `google.script.run.<fn>(...args)` is POSTed to /_dev/run/<fn> and executed by the bundle
// (one execution, as the spreadsheet's editor); handlers are called asynchronously as on Google.
// Arguments cross as Google serialises them (../script-run.ts): a Date, a function or a DOM node
// throws at the call; `undefined` in an array becomes null; a form is sent as its fields.

import { scriptRunArgs } from '../script-run';

type Handler = (value: unknown, userObject?: unknown) => void;

interface RunState {
  success: Handler | null;
  failure: Handler | null;
  userObject: unknown;
}

/** A form passed as the only argument: its named fields, as Google sends them. */
function formFields(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new FormData(form).entries()) out[k] = typeof v === 'string' ? v : v.name;
  return out;
}

function call(fn: string, args: unknown[], st: RunState): void {
  const sent =
    args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement
      ? [formFields(args[0])]
      : scriptRunArgs(args); // throws at the call for an illegal value, as google.script.run does
  fetch(`/_dev/run/${encodeURIComponent(fn)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ args: sent }),
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
