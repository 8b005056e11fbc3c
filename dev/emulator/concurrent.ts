/**
 * Concurrent executions: each call runs the bundle in its own worker thread (its own V8 context,
 * as sandbox.ts builds it) while the ONE emulator state stays in this thread. In the worker every
 * Apps Script global is a Proxy; each property read or method call is a synchronous RPC: the
 * worker posts a request and blocks on Atomics.wait, this thread answers from its event loop and
 * wakes it with Atomics.notify. Objects come back as handles (proxied again), Dates as Dates of the
 * worker's context. LockService locks are real across executions: a worker waiting in
 * tryLock/waitLock polls the lock (sleeping between tries with Atomics.wait, real time), so this
 * thread is never blocked. Utilities.sleep really sleeps in a worker.
 *
 *   const results = await runConcurrent(emu, 'build/Code.js', [{ fn: 'doPost', args: [event] }, …]);
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { type ExecutionCalls, type ExecutionKind, newExecutionCalls, recordCall } from './calls';
import { GasError, MSG } from './errors';
import { Execution, Facade } from './execution';
import type { GoogleEmulator } from './index';
import { hostRealm, isDate } from './realm';
import { APPS_SCRIPT_GLOBALS, INSTALL_CLOCK_DATE } from './sandbox';
import type { LockFacade } from './services/stores';

export interface ConcurrentCall {
  fn: string;
  args?: unknown[];
  /** Default: 'webApp' for doGet/doPost, else 'editor'. */
  kind?: ExecutionKind;
  activeUser?: string;
  /** The user the script runs as (default: see GoogleEmulator.beginExecution). */
  effectiveUser?: string;
}

export interface ConcurrentResult {
  fn: string;
  /** The function's result (host values; service objects are the emulator's own). */
  result?: unknown;
  /** The script's error, if it threw (name 'Exception' for service errors). */
  error?: { name: string; message: string; stack?: string };
  calls: ExecutionCalls;
}

export interface ConcurrentOptions {
  /** Real-time limit per execution (default 60 s); the worker is stopped and its locks released. */
  timeoutMs?: number;
  /** The bundle's source, instead of reading codePath. */
  code?: string;
}

const WORKER_FILE = path.join(__dirname, 'worker.cjs');

/** Runs every call at the same time, each as one execution in a worker thread. */
export async function runConcurrent(
  emu: GoogleEmulator,
  codePath: string,
  calls: ConcurrentCall[],
  opts: ConcurrentOptions = {},
): Promise<ConcurrentResult[]> {
  const code = opts.code ?? readFileSync(codePath, 'utf8');
  return Promise.all(
    calls.map((c) => runInWorker(emu, code, path.basename(codePath), c, opts.timeoutMs ?? 60_000)),
  );
}

type Encoded = unknown;

interface Request {
  op: 'get' | 'set' | 'call' | 'lock' | 'now' | 'begin' | 'end';
  id?: number;
  prop?: string;
  args?: Encoded[];
  value?: Encoded;
  method?: 'tryLock' | 'waitLock';
  first?: boolean;
}

/** One worker's view of the emulator: its execution and the objects handed to it. */
class Session {
  private readonly objects = new Map<number, object>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  readonly loading: Execution;
  exec: Execution | null = null;
  private loadingDone = false;
  readonly rootIds: Record<string, number> = {};

  constructor(
    private readonly emu: GoogleEmulator,
    private readonly call: ConcurrentCall,
  ) {
    this.loading = new Execution(
      0,
      '(load)',
      call.kind ?? 'editor',
      emu.userEmail,
      newExecutionCalls(0, '(load)', 'editor', emu.clock.now()),
    );
    const { globals } = emu.createGlobals(hostRealm, () => (this.loadingDone ? this.exec : this.loading));
    for (const name of [...APPS_SCRIPT_GLOBALS, ...Object.keys(emu.advancedServices())])
      this.rootIds[name] = this.idOf(globals[name] as object);
  }

  idOf(o: object): number {
    let id = this.ids.get(o);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(o, id);
      this.objects.set(id, o);
    }
    return id;
  }

  obj(id: number | undefined): Record<string, unknown> {
    const o = id === undefined ? undefined : this.objects.get(id);
    if (!o) throw new Error(`Unknown object handle ${String(id)}`);
    return o as Record<string, unknown>;
  }

  encode(v: unknown): Encoded {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    if (typeof v === 'function') return { $f: 1 };
    if (isDate(v)) return { $d: v.getTime() };
    if (Array.isArray(v)) return { $a: v.map((x) => this.encode(x)) };
    if (v instanceof Facade) return { $h: this.idOf(v), c: v._cls };
    const o: Record<string, Encoded> = {};
    for (const k of Object.keys(v)) o[k] = this.encode((v as Record<string, unknown>)[k]);
    return { $o: o };
  }

  decode(v: Encoded): unknown {
    if (v === null || typeof v !== 'object') return v;
    const t = v as { $d?: number; $a?: Encoded[]; $o?: Record<string, Encoded>; $h?: number };
    if (t.$d !== undefined) return new Date(t.$d);
    if (t.$a !== undefined) return t.$a.map((x) => this.decode(x));
    if (t.$h !== undefined) return this.obj(t.$h);
    if (t.$o !== undefined) {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(t.$o)) o[k] = this.decode(x);
      return o;
    }
    return v;
  }

  handle(req: Request): Encoded {
    switch (req.op) {
      case 'now':
        return this.emu.clock.now();
      case 'begin': {
        this.loading.applyPending();
        this.loading.ended = true;
        this.loadingDone = true;
        this.exec = this.emu.beginExecution(this.call.fn, {
          kind: this.call.kind,
          activeUser: this.call.activeUser,
          effectiveUser: this.call.effectiveUser,
        });
        // Refused before it starts (too many executions of the user at once …): the script never runs.
        if (this.exec.refused) throw new GasError(String(this.exec.stopped));
        return this.exec.id;
      }
      case 'end':
        if (this.exec) {
          this.emu.endExecution(this.exec);
          // Stopped past its limit: the run failed, whatever the script did after the error.
          if (this.exec.stopped) throw new GasError(this.exec.stopped);
        }
        return null;
      case 'get': {
        const o = this.obj(req.id);
        return this.encode(o[req.prop as string]);
      }
      case 'set': {
        const o = this.obj(req.id);
        o[req.prop as string] = this.decode(req.value);
        return null;
      }
      case 'call': {
        const o = this.obj(req.id);
        const f = o[req.prop as string];
        if (typeof f !== 'function') throw new TypeError(`${String(req.prop)} is not a function`);
        const args = (req.args ?? []).map((a) => this.decode(a));
        return this.encode((f as (...a: unknown[]) => unknown).apply(o, args));
      }
      case 'lock': {
        const lock = this.obj(req.id) as unknown as LockFacade;
        if (req.first && this.exec && !this.exec.ended)
          recordCall(this.exec.calls, `LockService.Lock.${req.method}`);
        return lock._attempt();
      }
    }
  }
}

function runInWorker(
  emu: GoogleEmulator,
  code: string,
  filename: string,
  call: ConcurrentCall,
  timeoutMs: number,
): Promise<ConcurrentResult> {
  return new Promise((resolve) => {
    const session = new Session(emu, call);
    const flagBuffer = new SharedArrayBuffer(4);
    const flag = new Int32Array(flagBuffer);
    const { port1, port2 } = new MessageChannel();
    let finished = false;

    const finish = (r: Omit<ConcurrentResult, 'fn' | 'calls'>): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (session.exec && !session.exec.ended) {
        try {
          emu.endExecution(session.exec);
        } catch {
          // the execution already failed; its writes stay as far as they went
        }
      }
      port1.close();
      void worker.terminate();
      const calls =
        session.exec?.calls ?? newExecutionCalls(0, call.fn, call.kind ?? 'editor', emu.clock.now());
      resolve({ fn: call.fn, calls, ...r });
    };

    port1.on('message', (req: Request) => {
      let res: { ok?: Encoded; err?: { name: string; message: string } };
      try {
        res = { ok: session.handle(req) };
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        res = { err: { name: err.name, message: err.message } };
      }
      port1.postMessage(res);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });

    const worker = new Worker(WORKER_FILE, {
      workerData: {
        port: port2,
        flag: flagBuffer,
        code,
        filename,
        fn: call.fn,
        args: (call.args ?? []).map((a) => session.encode(a)),
        roots: session.rootIds,
        installDate: INSTALL_CLOCK_DATE,
        lockTimeoutMessage: MSG.lockTimeout,
        functionNotFound: MSG.functionNotFound(call.fn),
      },
      transferList: [port2],
    });

    worker.on('message', (m: { type: string; result?: Encoded; error?: ConcurrentResult['error'] }) => {
      if (m.type !== 'done') return;
      finish(m.error ? { error: m.error } : { result: session.decode(m.result) });
    });
    worker.on('error', (e) => finish({ error: { name: e.name, message: e.message, stack: e.stack } }));
    worker.on('exit', (codeNum) =>
      finish({ error: { name: 'Error', message: `Worker exited with code ${codeNum}` } }),
    );
    const timer = setTimeout(
      () => finish({ error: { name: 'Exception', message: 'Exceeded maximum execution time' } }),
      timeoutMs,
    );
  });
}
