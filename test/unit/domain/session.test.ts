import {
  closedByLabel,
  expiresAt,
  formatSessionId,
  isExpired,
  minutesLeft,
  parseSessionId,
  sessionPeriod,
  stripLeadingSessionId,
} from '../../../src/domain/session';
import { localMs } from '../../../src/domain/time';
import { groupFor, isOpenSessionStatus } from '../../../src/domain/types';

const MIN = 60_000;

describe('session ids (HK-YYMM-NNNN)', () => {
  it('formats the local year and month and a 4-digit number', () => {
    expect(formatSessionId(42, localMs('2026-11-23', '09:00', 420), 420)).toBe('HK-2611-0042');
    expect(formatSessionId(1, localMs('2027-01-01', '00:30', 420), 420)).toBe('HK-2701-0001');
  });

  it('uses the local month at the year boundary, not UTC', () => {
    // 2025-12-31 17:30 UTC is already 2026-01-01 00:30 in Jakarta.
    const ms = Date.UTC(2025, 11, 31, 17, 30);
    expect(formatSessionId(7, ms, 420)).toBe('HK-2601-0007');
    expect(formatSessionId(7, ms, 0)).toBe('HK-2512-0007');
    expect(sessionPeriod(ms, 420)).toBe('2601');
  });

  it('keeps all digits from 10000 on', () => {
    expect(formatSessionId(12345, localMs('2026-11-23', '09:00', 420), 420)).toBe('HK-2611-12345');
  });

  it('rejects a negative or fractional number', () => {
    expect(() => formatSessionId(-1, 0, 420)).toThrow(RangeError);
    expect(() => formatSessionId(1.5, 0, 420)).toThrow(RangeError);
  });

  it('finds the first session id in a text, case-insensitively', () => {
    expect(parseSessionId('HK-2611-0042 Selamat pagi Bu')).toBe('HK-2611-0042');
    expect(parseSessionId('balasan untuk hk-2611-0042: sudah kami cek')).toBe('HK-2611-0042');
    expect(parseSessionId('HK-2611-12345 dan HK-2611-0001')).toBe('HK-2611-12345');
    expect(parseSessionId('HK-2611-042')).toBeNull();
    expect(parseSessionId('tidak ada id')).toBeNull();
    expect(parseSessionId(undefined)).toBeNull();
  });

  it('strips a leading session id from an officer reply', () => {
    expect(stripLeadingSessionId('HK-2611-0042: Selamat pagi')).toBe('Selamat pagi');
    expect(stripLeadingSessionId('hk-2611-0042 - Baik Bu')).toBe('Baik Bu');
    expect(stripLeadingSessionId('Selamat pagi HK-2611-0042')).toBe('Selamat pagi HK-2611-0042');
  });
});

describe('30-minute limit (SOP 000 V.9)', () => {
  const connected = localMs('2026-11-23', '09:00', 420);

  it('expires a session exactly 30 minutes after it was connected', () => {
    expect(expiresAt(connected, 30)).toBe(connected + 30 * MIN);
    expect(isExpired(connected, connected + 30 * MIN - 1, 30)).toBe(false);
    expect(isExpired(connected, connected + 30 * MIN, 30)).toBe(true);
    expect(isExpired(connected, connected + 31 * MIN)).toBe(true);
  });

  it('follows a configured length', () => {
    expect(isExpired(connected, connected + 45 * MIN, 60)).toBe(false);
    expect(isExpired(connected, connected + 60 * MIN, 60)).toBe(true);
  });

  it('counts whole minutes left, rounded up and never negative', () => {
    expect(minutesLeft(connected, connected, 30)).toBe(30);
    expect(minutesLeft(connected, connected + 59_000, 30)).toBe(30);
    expect(minutesLeft(connected, connected + 60_000, 30)).toBe(29);
    expect(minutesLeft(connected, connected + 30 * MIN - 1, 30)).toBe(1);
    expect(minutesLeft(connected, connected + 30 * MIN, 30)).toBe(0);
    expect(minutesLeft(connected, connected + 90 * MIN, 30)).toBe(0);
  });
});

describe('session vocabulary', () => {
  it('connects each Jenis × Bidang to its group', () => {
    expect(groupFor('Konsultasi', 'Koperasi')).toBe('Konsultasi Koperasi');
    expect(groupFor('Pengaduan', 'UKM')).toBe('Pengaduan UKM');
  });

  it('labels who closed a session in Indonesian', () => {
    expect(closedByLabel('user')).toBe('Pengguna');
    expect(closedByLabel('petugas')).toBe('Petugas');
    expect(closedByLabel('waktu habis')).toBe('Waktu habis');
  });

  it('treats Menunggu and Aktif as open', () => {
    expect(isOpenSessionStatus('Menunggu')).toBe(true);
    expect(isOpenSessionStatus('Aktif')).toBe(true);
    expect(isOpenSessionStatus('Selesai')).toBe(false);
    expect(isOpenSessionStatus('Menu')).toBe(false);
  });
});
