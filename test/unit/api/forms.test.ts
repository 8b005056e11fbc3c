// The sidebar's form checks (src/api/forms.ts), run by the page before sending and by the server
// before writing: the same messages on both sides, field names as the sheet headers staff see.
import {
  FORM_HEADERS,
  formMoment,
  formText,
  header,
  localDateMs,
  localDateTimeMs,
  parseCount,
  validateEvaluation,
  validateManual,
  validateMetrics,
  validateQa,
} from '../../../src/api/forms';
import type { FieldError, ManualLogInput, MetricsInput } from '../../../src/api/types';
import { render } from '../../../src/messages/id';
import { SHEETS } from '../../../src/store/schema';

describe('form field names', () => {
  it('are the headers of the sheets the forms write', () => {
    for (const [sheet, fields] of Object.entries(FORM_HEADERS)) {
      const columns = SHEETS[sheet as keyof typeof FORM_HEADERS].columns as readonly {
        key: string;
        header: string;
      }[];
      for (const [key, label] of Object.entries(fields)) {
        expect({ sheet, key, header: columns.find((c) => c.key === key)?.header }).toEqual({
          sheet,
          key,
          header: label,
        });
      }
    }
  });

  it('falls back to the key for a field without a header', () => {
    expect(header('sessions', 'channel')).toBe('Kanal');
    expect(header('qa', 'unknown')).toBe('unknown');
  });
});

const WIB = 420;
const NOW = Date.parse('2026-11-23T09:00:00+07:00');

const manual = (over: Partial<ManualLogInput> = {}): ManualLogInput => ({
  channel: 'Telepon',
  jenis: 'Konsultasi',
  bidang: 'UKM',
  topic: 'Modal',
  name: 'Ani',
  contact: '081234567890',
  summary: 'Tanya modal kerja',
  ...over,
});
const metrics = (over: Partial<MetricsInput> = {}): MetricsInput => ({
  date: '2026-11-22',
  platform: 'Instagram',
  contentId: 'KONTEN-2026-W47',
  views: 1200,
  likes: null,
  comments: null,
  shares: null,
  saves: null,
  liveViewers: null,
  questions: null,
  ...over,
});
const fields = (errors: FieldError[]): string[] => errors.map((e) => e.field);

describe('dates and counts typed in a form', () => {
  it('reads local dates and date-times in the service zone; null when invalid', () => {
    expect(localDateMs('2026-11-23', WIB)).toBe(Date.parse('2026-11-23T00:00:00+07:00'));
    expect(localDateMs('2026-02-30', WIB)).toBeNull();
    expect(localDateMs('1999-12-31', WIB)).toBeNull();
    expect(localDateTimeMs('2026-11-23T10:30', WIB)).toBe(Date.parse('2026-11-23T10:30:00+07:00'));
    expect(localDateTimeMs('2026-11-23 10:30:15', WIB)).toBe(Date.parse('2026-11-23T10:30:00+07:00'));
    expect(localDateTimeMs('2026-11-23T24:00', WIB)).toBeNull();
    expect(localDateTimeMs('23/11/2026 10:30', WIB)).toBeNull();
  });

  it('takes an empty moment as now, and trims text fields', () => {
    expect(formMoment('', NOW, WIB)).toBe(NOW);
    expect(formMoment(undefined, NOW, WIB)).toBe(NOW);
    expect(formMoment('2026-11-23T08:00', NOW, WIB)).toBe(Date.parse('2026-11-23T08:00:00+07:00'));
    expect(formText('  Ani ')).toBe('Ani');
    expect(formText(12)).toBe('');
  });

  it('parses counts: empty is none, dots and spaces group thousands, anything else is NaN', () => {
    expect(parseCount('')).toBeNull();
    expect(parseCount(' 1.200 ')).toBe(1200);
    expect(parseCount('1 200')).toBe(1200);
    expect(parseCount('12a')).toBeNaN();
    expect(parseCount('-3')).toBeNaN();
  });
});

describe('manual logging', () => {
  it('accepts a complete entry, with or without its time', () => {
    expect(validateManual(manual(), NOW, WIB)).toEqual([]);
    expect(validateManual(manual({ at: '2026-11-22T14:00' }), NOW, WIB)).toEqual([]);
  });

  it('names every missing or wrong field by its form field, with the sheet header in the message', () => {
    const errors = validateManual(
      manual({
        channel: 'WhatsApp' as never,
        jenis: '',
        bidang: 'UKM',
        topic: 'SHU',
        name: ' ',
        summary: '',
      }),
      NOW,
      WIB,
    );
    expect(fields(errors)).toEqual(['channel', 'jenis', 'topic', 'name', 'summary']);
    expect(errors[0].message).toBe(
      render('fieldChoice', {
        key: 'Kanal',
        choices: 'Telepon, Datang langsung, Instagram DM, Email, Lainnya',
      }),
    );
    expect(errors[1].message).toBe(render('fieldRequired', { key: 'Jenis' }));
    expect(errors[4].message).toBe(render('fieldRequired', { key: 'Catatan' }));
  });

  it('checks lengths and refuses a time in the future', () => {
    const long = validateManual(manual({ name: 'x'.repeat(201), contact: 'y'.repeat(201) }), NOW, WIB);
    expect(long).toEqual([
      { field: 'name', message: render('fieldTooLong', { key: 'Nama', max: 200 }) },
      { field: 'contact', message: render('fieldTooLong', { key: 'Nomor', max: 200 }) },
    ]);
    expect(validateManual(manual({ at: '2026-11-23T09:30' }), NOW, WIB)).toEqual([
      { field: 'at', message: render('fieldFuture', { key: 'Mulai' }) },
    ]);
    expect(validateManual(manual({ at: 'besok' }), NOW, WIB)).toEqual([
      { field: 'at', message: render('fieldDateTime', { key: 'Mulai' }) },
    ]);
  });
});

describe('metrics, Q&A and evaluation', () => {
  it('accepts one count or more, refuses none, negative or fractional counts', () => {
    expect(validateMetrics(metrics(), NOW, WIB)).toEqual([]);
    expect(validateMetrics(metrics({ views: null }), NOW, WIB)).toEqual([
      { field: 'views', message: render('metricsEmpty') },
    ]);
    expect(validateMetrics(metrics({ likes: -1, shares: 1.5 }), NOW, WIB)).toEqual([
      { field: 'likes', message: render('fieldCount', { key: 'Suka' }) },
      { field: 'shares', message: render('fieldCount', { key: 'Dibagikan' }) },
    ]);
  });

  it('wants a past date, a platform of the programme and a content id', () => {
    expect(
      fields(validateMetrics(metrics({ date: '2026-11-24', platform: 'YouTube', contentId: '' }), NOW, WIB)),
    ).toEqual(['date', 'platform', 'contentId']);
  });

  it('checks Q&A and evaluation notes', () => {
    expect(
      validateQa({ platform: 'TikTok', contentId: '', question: 'Syarat?', answer: '' }, NOW, WIB),
    ).toEqual([]);
    expect(
      fields(
        validateQa(
          { at: 'x', platform: '', contentId: '', question: '', answer: 'z'.repeat(5001) },
          NOW,
          WIB,
        ),
      ),
    ).toEqual(['at', 'platform', 'question', 'answer']);
    expect(
      validateEvaluation({ date: '2026-11-19', contentId: '', notes: 'Baik', followUp: '' }, NOW, WIB),
    ).toEqual([]);
    expect(validateEvaluation({ date: '', contentId: '', notes: '', followUp: '' }, NOW, WIB)).toEqual([
      { field: 'date', message: render('fieldRequired', { key: 'Tanggal' }) },
      { field: 'notes', message: render('fieldRequired', { key: 'Catatan' }) },
    ]);
  });
});
