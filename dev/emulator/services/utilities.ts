/** Utilities, Session, Logger and console. */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { describeTypes, GasError, MSG } from '../errors';
import { type Ctx, Facade, instrument } from '../execution';
import { isDate, isPlainObject } from '../realm';
import { assertTimeZone, formatJavaDate } from '../time';
import { BlobFacade, toBuffer, toSignedBytes, UserFacade } from './base';

export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
export const MacAlgorithm = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;
export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

const NODE_HASH: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

function sprintf(template: string, args: unknown[]): string {
  let i = 0;
  const re = /%(-)?(0)?(\d*)(?:\.(\d+))?([sdif%])/g;
  return template.replace(
    re,
    (_m, left?: string, zero?: string, width?: string, prec?: string, conv?: string) => {
      if (conv === '%') return '%';
      const v = args[i++];
      let s: string;
      if (conv === 's') s = String(v);
      else if (conv === 'd' || conv === 'i') s = String(Math.trunc(Number(v)));
      else s = prec !== undefined ? Number(v).toFixed(Number(prec)) : String(Number(v));
      const w = Number(width || 0);
      if (!w || s.length >= w) return s;
      if (left) return s.padEnd(w);
      if (zero && conv !== 's')
        return (
          (s.startsWith('-') ? '-' : '') + s.replace('-', '').padStart(s.startsWith('-') ? w - 1 : w, '0')
        );
      return s.padStart(w);
    },
  );
}

function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"') {
        if (csv[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export class UtilitiesFacade extends Facade {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly Charset = Charset;

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof format !== 'string') {
      throw new GasError(MSG.signature(describeTypes([date, timeZone, format]), 'Utilities.formatDate'));
    }
    const ms = date.getTime();
    if (!Number.isFinite(ms)) throw new GasError(MSG.invalidArgument('date'));
    return formatJavaDate(ms, assertTimeZone(timeZone), format);
  }

  formatString(template: string, ...args: unknown[]): string {
    return sprintf(String(template), args);
  }

  getUuid(): string {
    return randomUUID();
  }

  /**
   * Advances the emulated clock by `milliseconds` (in the main thread it returns at once; worker
   * executions also really sleep).
   */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || milliseconds < 0) {
      throw new GasError(MSG.signature(describeTypes([milliseconds]), 'Utilities.sleep'));
    }
    if (milliseconds > 300_000) throw new GasError(MSG.invalidArgument('milliseconds'));
    // The script waits: its time passes on the emulated clock (and counts toward its 6 minutes).
    const exec = this._ctx.exec;
    if (exec) this._ctx.emu.spend(exec, milliseconds);
    else this._ctx.emu.clock.advance(milliseconds);
  }

  base64Encode(data: unknown, charset?: string): string {
    return toBuffer(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, charset?: string): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string): number[] {
    if (typeof encoded !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded.replace(/\s/g, ''))) {
      throw new GasError('Could not decode string.');
    }
    return toSignedBytes(Buffer.from(encoded, 'base64'));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    if (typeof encoded !== 'string' || !/^[A-Za-z0-9_-]*={0,2}$/.test(encoded.replace(/\s/g, ''))) {
      throw new GasError('Could not decode string.');
    }
    return toSignedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }

  computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
    const alg = NODE_HASH[String(algorithm)];
    if (!alg || String(algorithm).startsWith('HMAC')) throw new GasError(MSG.invalidArgument('algorithm'));
    return toSignedBytes(createHash(alg).update(toBuffer(value, charset)).digest());
  }

  computeHmacSignature(algorithm: string, value: unknown, key: unknown, charset?: string): number[] {
    const alg = NODE_HASH[String(algorithm)];
    if (!alg || !String(algorithm).startsWith('HMAC')) throw new GasError(MSG.invalidArgument('algorithm'));
    return toSignedBytes(createHmac(alg, toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }

  computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
    return toSignedBytes(
      createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
    );
  }

  newBlob(data: unknown, contentType?: string, name?: string): BlobFacade {
    return new BlobFacade(this._ctx, toBuffer(data), contentType ?? null, name ?? null);
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(String(csv), delimiter ?? ',');
  }

  jsonStringify(obj: unknown): string {
    return JSON.stringify(obj);
  }

  jsonParse(jsonString: string): unknown {
    return JSON.parse(String(jsonString));
  }
}
instrument(UtilitiesFacade, 'Utilities');

// ---- Session -----------------------------------------------------------------------------------

export class SessionFacade extends Facade {
  getScriptTimeZone(): string {
    return this._ctx.emu.scriptTimeZone;
  }

  getTimeZone(): string {
    return this._ctx.emu.scriptTimeZone;
  }

  /** '' for an anonymous web app request, as Google answers when it cannot tell. */
  getActiveUser(): UserFacade {
    return new UserFacade(this._ctx, this._ctx.activeUser);
  }

  getEffectiveUser(): UserFacade {
    return new UserFacade(this._ctx, this._ctx.effectiveUser);
  }

  getActiveUserLocale(): string {
    return 'en';
  }

  getTemporaryActiveUserKey(): string {
    const who = this._ctx.activeUser || 'anonymous';
    return createHash('sha256').update(`${this._ctx.emu.scriptId}:${who}`).digest('base64').slice(0, 43);
  }
}
instrument(SessionFacade, 'Session');

// ---- Logger and console ------------------------------------------------------------------------

export interface LogRecord {
  /** Emulator clock (epoch ms). */
  at: number;
  /** performance.now() of the host when logged (real ordering across worker executions). */
  real: number;
  execution: number | null;
  level: 'log' | 'info' | 'warn' | 'error';
  source: 'Logger' | 'console';
  message: string;
}

function formatArg(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isDate(v)) return v.toString();
  if (Object.prototype.toString.call(v) === '[object Error]') {
    const e = v as Error;
    return e.stack ?? `${e.name}: ${e.message}`;
  }
  if (Array.isArray(v) || isPlainObject(v)) {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

function record(ctx: Ctx, level: LogRecord['level'], source: LogRecord['source'], message: string): void {
  ctx.emu.logs.push({
    at: ctx.emu.clock.now(),
    real: performance.now(),
    execution: ctx.exec?.id ?? null,
    level,
    source,
    message,
  });
}

export class LoggerFacade extends Facade {
  log(data: unknown, ...values: unknown[]): LoggerFacade {
    const msg = typeof data === 'string' && values.length ? sprintf(data, values) : formatArg(data);
    record(this._ctx, 'log', 'Logger', msg);
    return this;
  }

  getLog(): string {
    return this._ctx.emu.logs
      .filter((l) => l.source === 'Logger')
      .map((l) => l.message)
      .join('\n');
  }

  clear(): void {
    this._ctx.emu.logs = this._ctx.emu.logs.filter((l) => l.source !== 'Logger');
  }
}
instrument(LoggerFacade, 'Logger');

export class ConsoleFacade extends Facade {
  private readonly timers = new Map<string, number>();

  private _out(level: LogRecord['level'], args: unknown[]): void {
    const [first, ...rest] = args;
    const msg =
      typeof first === 'string' && /%[sdifoOj]/.test(first)
        ? sprintf(first.replace(/%[oOj]/g, '%s'), rest.map(formatArg))
        : args.map(formatArg).join(' ');
    record(this._ctx, level, 'console', msg);
  }

  log(...args: unknown[]): void {
    this._out('log', args);
  }

  info(...args: unknown[]): void {
    this._out('info', args);
  }

  warn(...args: unknown[]): void {
    this._out('warn', args);
  }

  error(...args: unknown[]): void {
    this._out('error', args);
  }

  time(label = 'default'): void {
    this.timers.set(String(label), performance.now());
  }

  timeEnd(label = 'default'): void {
    const start = this.timers.get(String(label));
    if (start === undefined) return;
    this.timers.delete(String(label));
    this._out('log', [`${String(label)}: ${Math.round(performance.now() - start)}ms`]);
  }
}
instrument(ConsoleFacade, 'console');
