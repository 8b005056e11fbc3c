// Per-execution wiring: the one clock, the spreadsheet as a Db, properties, cache, the
// configuration snapshot (loaded lazily), the message catalogue and the system log buffer.

import { redactLogText } from '../domain/retention';
import { ianaZone, JAKARTA_OFFSET, resolveOffset } from '../domain/time';
import type { LogLevel } from '../domain/types';
import type { MessageKey } from '../messages/id';
import { render } from '../messages/id';
import type { Cache } from '../platform/cache';
import { scriptCache } from '../platform/cache';
import { now } from '../platform/clock';
import type { Props } from '../platform/props';
import { scriptProps } from '../platform/props';
import { accountTypeOf, QuotaTracker } from '../platform/quota';
import { activeSpreadsheet } from '../platform/spreadsheet';
import { Db } from '../store/db';
import { SECRET } from '../store/settings';
import type { Config } from './config';
import { loadConfig, setting } from './config';

export interface LogEntry {
  at: number;
  level: LogLevel;
  source: string;
  message: string;
}

export class Ctx {
  readonly now: number;
  readonly props: Props;
  readonly cache: Cache;
  private ssValue: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  private dbValue: Db | null = null;
  private configValue: Config | null = null;
  private quotaValue: QuotaTracker | null = null;
  readonly logs: LogEntry[] = [];

  constructor(opts: { now?: number; props?: Props; cache?: Cache } = {}) {
    this.now = opts.now ?? now();
    this.props = opts.props ?? scriptProps();
    this.cache = opts.cache ?? scriptCache();
  }

  get ss(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    if (!this.ssValue) this.ssValue = activeSpreadsheet();
    return this.ssValue;
  }

  get db(): Db {
    if (!this.dbValue) this.dbValue = new Db(this.ss, this.cache, this.props);
    return this.dbValue;
  }

  /** The account's daily quotas (platform/quota.ts); the account type is a setting. */
  get quota(): QuotaTracker {
    if (!this.quotaValue) {
      this.quotaValue = new QuotaTracker(this.props, now, () =>
        accountTypeOf(setting(this.config, 'accountType')),
      );
    }
    return this.quotaValue;
  }

  get config(): Config {
    if (!this.configValue) this.configValue = loadConfig(this.db, this.cache, this.now);
    return this.configValue;
  }

  /** UTC offset of the service's time zone (Pengaturan → Zona Waktu), in minutes. */
  get offset(): number {
    return resolveOffset(setting(this.config, 'timeZone'));
  }

  /** The IANA zone for the product's spreadsheets: the service's (WIB before Pengaturan exists). */
  get zoneName(): string | null {
    let offset = JAKARTA_OFFSET;
    try {
      offset = this.offset;
    } catch {
      // no Pengaturan yet: the first setup
    }
    return ianaZone(offset);
  }

  t(key: MessageKey, vars?: Record<string, string | number>): string {
    return render(key, vars, this.config.texts as Partial<Record<MessageKey, string>>);
  }

  /** The values of the secrets (tokens, webhook key), to keep them out of sheets, logs and mail. */
  secretValues(): string[] {
    return [SECRET.accessToken, SECRET.fonnteToken, SECRET.webhookKey, SECRET.verifyToken]
      .map((k) => this.props.get(k) ?? '')
      .filter((v) => v.length >= 6);
  }

  /** A text from outside (a provider's error) without any secret value in it. */
  withoutSecrets(text: string): string {
    return this.secretValues().reduce((t, s) => t.split(s).join('***'), text);
  }

  log(level: LogLevel, source: string, raw: string): void {
    // DESIGN §7: a log line never carries a phone number or a secret, whatever a provider echoed.
    const message = redactLogText(raw, this.secretValues());
    this.logs.push({ at: this.now, level, source, message });
    const line = `[${level}] ${source}: ${message}`;
    if (level === 'GALAT') console.error(line);
    else console.log(line);
  }

  /** Writes buffered log entries to Log Sistem. The caller holds the script lock. */
  flushLogs(): void {
    if (this.logs.length === 0) return;
    const entries = this.logs.splice(0, this.logs.length);
    try {
      this.db.append(
        'systemLog',
        entries.map((e) => ({ at: new Date(e.at), level: e.level, source: e.source, message: e.message })),
      );
    } catch (e) {
      console.error(`Log Sistem unavailable: ${String(e)}`);
    }
  }
}
