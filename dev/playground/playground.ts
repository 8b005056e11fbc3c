// The playground's state: one engine (the product on the emulator), the emulated clock following
// real time with an offset, the tick trigger fired as Google would, the messages citizens sent
// (for the chat view), and persistence in a data directory (JSON, written atomically).

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebResponse } from '../runtime/local-app';
import { conversation, digits, type BubbleView, type InboxEntry, inboundMessages } from './conversation';
import { DEFAULTS, DEMO_OFFICERS, OFFICERS_SHEET } from './demo';
import type { Engine, EngineFactory } from './engine';

export interface PlaygroundOptions {
  dataDir: string;
  factory: EngineFactory;
  /** Real time source (tests may fake it). */
  realNow?: () => number;
  log?: (line: string) => void;
}

interface SavedState {
  version: 1;
  savedAt: string;
  offsetMs: number;
  generation: number;
  inboxSeq: number;
  inbox: InboxEntry[];
  engine: unknown;
}

/** At most this many trigger runs for one clock move; beyond it only the last one runs. */
export const MAX_TRIGGER_RUNS = 180;
const KEEP_EXECUTIONS = 300;
/** Saving serialises the whole emulator (megabytes): batched, at most every 2 s. */
const SAVE_DELAY_MS = 2000;
const KEEP_LOGS = 2000;

export interface ClockResult {
  now: string;
  offsetMs: number;
  /** Trigger runs fired by this move. */
  ticks: number;
}

export class Playground {
  engine: Engine;
  offsetMs = 0;
  generation = 1;
  inbox: InboxEntry[] = [];
  private inboxSeq = 0;
  private readonly file: string;
  private saveTimer: NodeJS.Timeout | null = null;
  private readonly realNow: () => number;
  private readonly log: (line: string) => void;

  constructor(private readonly opts: PlaygroundOptions) {
    this.realNow = opts.realNow ?? Date.now;
    this.log = opts.log ?? (() => undefined);
    mkdirSync(opts.dataDir, { recursive: true });
    this.file = join(opts.dataDir, 'state.json');
    const saved = this.load();
    const restored = saved ? this.restore(saved) : null;
    if (saved && restored) {
      this.engine = restored;
      this.offsetMs = saved.offsetMs;
      this.generation = saved.generation;
      this.inbox = saved.inbox;
      this.inboxSeq = saved.inboxSeq;
    } else {
      this.engine = this.freshEngine(this.realNow());
      this.saveNow();
    }
  }

  /** The saved engine, or null (the file is kept aside) when this version cannot read it. */
  private restore(saved: SavedState): Engine | null {
    try {
      return this.opts.factory.restore(saved.engine);
    } catch (err) {
      this.setAside(`cannot be restored (${String(err)})`);
      return null;
    }
  }

  private setAside(why: string): void {
    const aside = `${this.file}.unreadable-${Date.now()}`;
    renameSync(this.file, aside);
    this.log(`playground: saved state ${why}; kept as ${aside}, starting fresh`);
  }

  get emu(): Engine['emu'] {
    return this.engine.emu;
  }

  now(): number {
    return this.emu.clock.now();
  }

  private load(): SavedState | null {
    if (!existsSync(this.file)) return null;
    try {
      const s = JSON.parse(readFileSync(this.file, 'utf8')) as SavedState;
      if (s.version !== 1) throw new Error(`version ${String(s.version)}`);
      return s;
    } catch (err) {
      this.setAside(`unreadable (${String(err)})`);
      return null;
    }
  }

  /** A new engine at `nowMs`: the product's setup, the playground defaults and demo officers. */
  private freshEngine(nowMs: number): Engine {
    const engine = this.opts.factory.fresh(nowMs);
    engine.setup();
    engine.configure({ ...DEFAULTS });
    engine.appendRows(OFFICERS_SHEET, DEMO_OFFICERS);
    return engine;
  }

  /** A freshly set-up spreadsheet, empty outbox and inbox; the clock is kept. */
  reset(): void {
    const now = this.now();
    this.engine = this.freshEngine(now);
    this.inbox = [];
    this.inboxSeq = 0;
    this.generation += 1;
    this.saveNow();
  }

  // ---- clock and trigger -----------------------------------------------------------------------

  /**
   * Moves the emulated clock forward to `targetMs`, firing the clock triggers due on the way. Time
   * passes inside executions too (each service call advances the clock), so the clock may already
   * be past real time: following real time never moves it back, only an explicit `back` does.
   */
  private runClockTo(targetMs: number, back = false): number {
    const from = this.now();
    if (targetMs <= from) {
      if (targetMs < from && back) this.emu.clock.set(targetMs);
      return 0;
    }
    let due = this.emu.dueTriggers(from, targetMs);
    if (due.length > MAX_TRIGGER_RUNS) due = due.slice(-1);
    let runs = 0;
    for (const d of due) {
      // A trigger run that took long may have carried the clock past the next one's time.
      if (d.at > this.now()) this.emu.clock.set(d.at);
      try {
        this.runTrigger(d.trigger.handler, d.trigger.user);
      } catch (err) {
        this.log(`playground: trigger ${d.trigger.handler} failed: ${String(err)}`);
      }
      runs++;
    }
    if (targetMs > this.now()) this.emu.clock.set(targetMs);
    if (runs) this.trim();
    return runs;
  }

  /** Runs a trigger's function as the user who installed it. */
  private runTrigger(handler: string, user: string): void {
    this.engine.execAs({ kind: 'trigger', activeUser: user, effectiveUser: user }, handler);
  }

  /** Catches the emulated clock up with real time plus the offset (called every second). */
  follow(): number {
    const runs = this.runClockTo(this.realNow() + this.offsetMs);
    if (runs) this.scheduleSave();
    return runs;
  }

  setClock(iso: string | number): ClockResult {
    const target = typeof iso === 'number' ? iso : Date.parse(iso);
    if (!Number.isFinite(target)) throw new RangeError(`Invalid time: ${String(iso)}`);
    const ticks = this.runClockTo(target, true);
    this.offsetMs = target - this.realNow();
    this.scheduleSave();
    return this.clockResult(ticks);
  }

  advanceMinutes(n: number): ClockResult {
    if (!Number.isFinite(n)) throw new RangeError(`Invalid minutes: ${String(n)}`);
    return this.setClock(this.now() + n * 60_000);
  }

  followRealTime(): ClockResult {
    return this.setClock(this.realNow());
  }

  private clockResult(ticks: number): ClockResult {
    return { now: new Date(this.now()).toISOString(), offsetMs: this.offsetMs, ticks };
  }

  clock(): ClockResult {
    return this.clockResult(0);
  }

  /** POST /_dev/tick: runs `tick` now, as its trigger would; what ran. */
  tick(): ReturnType<Engine['tick']> {
    const ran = this.engine.tick();
    this.scheduleSave();
    return ran;
  }

  // ---- web app and inbox -----------------------------------------------------------------------

  /** POST /exec: records the citizen messages it carries, then runs doPost. */
  post(query: string, body: string, contentType: string): WebResponse {
    this.follow();
    const seen = inboundMessages(body, contentType);
    if (seen.length) {
      const sentBefore = this.emu.fetchLog.length;
      for (const m of seen) this.inbox.push({ ...m, seq: ++this.inboxSeq, at: this.now(), sentBefore });
    }
    const res = this.engine.post(query, body, contentType);
    this.scheduleSave();
    return res;
  }

  get(query: string): WebResponse {
    this.follow();
    return this.engine.get(query);
  }

  conversation(number: string): { generation: number; items: BubbleView[] } {
    // LocalApp's sent log and the emulator's fetch log hold the same requests in the same order.
    const ids = new Map(this.engine.messagesTo(digits(number)).map((m) => [m.index, m.messageId] as const));
    return { generation: this.generation, items: conversation(number, this.inbox, this.emu.fetchLog, ids) };
  }

  // ---- persistence -----------------------------------------------------------------------------

  /** Keeps the saved state small: recent executions and logs only. */
  private trim(): void {
    const ex = this.emu.calls.executions;
    if (ex.length > KEEP_EXECUTIONS) ex.splice(0, ex.length - KEEP_EXECUTIONS);
    if (this.emu.logs.length > KEEP_LOGS) this.emu.logs = this.emu.logs.slice(-KEEP_LOGS);
  }

  scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saveNow();
    }, SAVE_DELAY_MS);
  }

  saveNow(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    this.trim();
    const state: SavedState = {
      version: 1,
      savedAt: new Date(this.realNow()).toISOString(),
      offsetMs: this.offsetMs,
      generation: this.generation,
      inboxSeq: this.inboxSeq,
      inbox: this.inbox,
      engine: this.engine.toJSON(),
    };
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, this.file);
  }
}
