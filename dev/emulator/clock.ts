/** The emulator's virtual clock: every `new Date()` in a script and every expiry reads it. */
export class Clock {
  private ms: number;

  constructor(start: Date | string | number = Date.now()) {
    this.ms = Clock.toMs(start);
  }

  static toMs(d: Date | string | number): number {
    const ms = typeof d === 'number' ? d : new Date(d).getTime();
    if (!Number.isFinite(ms)) throw new Error(`Invalid clock time: ${String(d)}`);
    return ms;
  }

  now(): number {
    return this.ms;
  }

  set(d: Date | string | number): void {
    this.ms = Clock.toMs(d);
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  advanceMinutes(n: number): void {
    this.ms += n * 60_000;
  }

  toJSON(): number {
    return this.ms;
  }
}
