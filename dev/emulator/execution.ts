/**
 * Executions and the context every service object carries. An execution is one run of an entry
 * point (a web app request, a trigger, a menu item): it owns its call counts, its buffered sheet
 * writes (applied at the next read, at flush and at the end, as on Google) and the locks it holds
 * (released at the end).
 */
import type { GoogleEmulator } from './index';
import { type ExecutionCalls, type ExecutionKind, readsSheets, recordCall } from './calls';
import { type Realm, toRealm } from './realm';

/** Google's limit of one execution: 6 minutes. */
export const MAX_EXECUTION_MS = 6 * 60_000;

export class Execution {
  /** Buffered sheet writes of this execution, in order. */
  readonly pending: Array<() => void> = [];
  /** Lock keys held by this execution → hold count. */
  readonly locks = new Map<string, number>();
  ended = false;
  /**
   * Emulated milliseconds the execution may run: 6 minutes (developers.google.com/apps-script/guides/services/quotas:
   * "Script runtime 6 min / execution"); 30 s for a simple trigger (guides/triggers#restrictions).
   */
  limitMs = MAX_EXECUTION_MS;
  /**
   * Why Google stopped (or refused to start) the script: past its time limit, the user's daily
   * trigger runtime used up, too many executions at once. Every later call fails with it too.
   */
  stopped: string | null = null;
  /** The execution was refused before the script ran (the sandbox does not run it). */
  refused = false;
  /** Time spent below a millisecond, not yet on the clock (which keeps whole milliseconds). */
  fractionMs = 0;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly kind: ExecutionKind,
    /** The active user's email ('' for an anonymous web app request). */
    readonly activeUser: string,
    readonly calls: ExecutionCalls,
    /**
     * The user the script runs as (Session.getEffectiveUser): whose triggers, quotas and user
     * properties it sees. An editor running a menu item or the sidebar: that editor; a trigger: the
     * user who created it; a web app deployed "Execute as: Me": the deployer.
     */
    readonly effectiveUser: string = activeUser,
  ) {}

  applyPending(): void {
    while (this.pending.length) {
      const write = this.pending.shift() as () => void;
      write();
    }
  }
}

/** What a service object needs: the emulator, the script's realm and the running execution. */
export class Ctx {
  /** > 0 while an emulated method runs: nested calls are neither counted nor converted. */
  depth = 0;
  /** Compiles template code in the script's context when the sandbox provides it. */
  compile: ((params: string[], body: string) => (...args: unknown[]) => unknown) | null = null;

  constructor(
    readonly emu: GoogleEmulator,
    readonly realm: Realm,
    private readonly execRef: () => Execution | null = () => null,
  ) {}

  get exec(): Execution | null {
    const e = this.execRef();
    return e && !e.ended ? e : null;
  }

  get kind(): ExecutionKind {
    return this.exec?.kind ?? 'editor';
  }

  get activeUser(): string {
    const e = this.exec;
    return e ? e.activeUser : this.emu.userEmail;
  }

  /** The user the script runs as (the owner outside executions). */
  get effectiveUser(): string {
    const e = this.exec;
    return (e ? e.effectiveUser : '') || this.emu.userEmail;
  }

  out(v: unknown): unknown {
    return toRealm(v, this.realm);
  }

  /** Buffers a sheet write in the running execution (applied at once outside executions). */
  defer(write: () => void): void {
    const e = this.exec;
    if (e) e.pending.push(write);
    else write();
  }

  flush(): void {
    this.exec?.applyPending();
  }

  countCellsRead(n: number): void {
    const e = this.exec;
    if (e) {
      e.calls.cellsRead += n;
      this.emu.spend(e, n * this.emu.costModel.cell * 1000);
    }
  }

  countCellsWritten(n: number): void {
    const e = this.exec;
    if (e) {
      e.calls.cellsWritten += n;
      this.emu.spend(e, n * this.emu.costModel.cell * 1000);
    }
  }

  /** Turns an emulator error into an error of the script's realm, named like Google's. */
  scriptError(e: unknown): unknown {
    const ErrorCtor = this.realm.Error ?? Error;
    if (e instanceof ErrorCtor) return e;
    if (e instanceof Error) {
      const err = new ErrorCtor(e.message);
      err.name = e.name; // 'Exception' for GasError, unless a service names its own
      return err;
    }
    return e;
  }
}

/** Base of every object a script receives from an emulated service. */
export abstract class Facade {
  declare readonly _cls: string;
  declare readonly _callPrefix: string;

  constructor(readonly _ctx: Ctx) {}

  toString(): string {
    return this._cls;
  }
}

/**
 * Wraps every public method of a service class: counts the call in the running execution, applies
 * buffered writes before a sheet read, converts the result into the script's realm and errors into
 * Google-like exceptions. `prefix` is 'SpreadsheetApp' for the service object itself and
 * 'SpreadsheetApp.Range' for the objects it hands out.
 */
export function instrument(cls: { prototype: object }, prefix: string): void {
  const proto = cls.prototype as Record<string, unknown>;
  Object.defineProperty(proto, '_cls', { value: prefix.slice(prefix.lastIndexOf('.') + 1) });
  Object.defineProperty(proto, '_callPrefix', { value: prefix });
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === 'constructor' || key === 'toString' || key.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (!desc || typeof desc.value !== 'function') continue;
    const method = desc.value as (...args: unknown[]) => unknown;
    const name = `${prefix}.${key}`;
    const display = `${prefix.slice(prefix.lastIndexOf('.') + 1)}.${key}`;
    const wrapped = function (this: Facade, ...args: unknown[]): unknown {
      const ctx = this._ctx;
      if (ctx.depth > 0) return method.apply(this, args);
      ctx.depth++;
      const exec = ctx.exec;
      try {
        if (exec) ctx.emu.checkRunning(exec);
        ctx.emu.authorize(name, display, exec);
        if (exec) {
          recordCall(exec.calls, name);
          if (readsSheets(name)) exec.applyPending();
        }
        try {
          return ctx.out(method.apply(this, args));
        } finally {
          // The call takes its time on the emulated clock (cost.ts), past which the script stops.
          if (exec) ctx.emu.spend(exec, ctx.emu.callMs(name));
        }
      } catch (e) {
        throw ctx.scriptError(e);
      } finally {
        ctx.depth--;
      }
    };
    Object.defineProperty(wrapped, 'name', { value: key });
    Object.defineProperty(proto, key, { ...desc, value: wrapped });
  }
}
