import {
  BULAN,
  CLOSED_BY_LABELS,
  dayName,
  fill,
  HARI,
  isMessageKey,
  joinList,
  type MessageKey,
  MESSAGES,
  monthName,
  overrideProblems,
  placeholders,
  RATING_LABELS,
  render,
  TOPIK,
} from '../../../src/messages/id';

/** Every placeholder name the catalogue may use, with a sample value. A typo fails the test. */
const SAMPLE: Record<string, string | number> = {
  files: 3,
  folder: 'Arsip 2025',
  // Complaint cases (issue 14).
  status: 'Diproses',
  what: 'jawaban',
  action: 'selesai',
  category: 'Normatif',
  deadline: 'Senin, 30 November 2026',
  note: 'Sedang dikonfirmasi',
  overdue: 1,
  left: 'sisa 2 hari kerja',
  levels: '1: 0, 2: 1, 3: 2, 4: 1',
  opened: 3,
  resolved: 2,
  bidang: 'UKM',
  body: 'Isi siaran',
  by: 'humas@example.org',
  owner: 'admin@example.org',
  done: 120,
  failed: 1,
  filled: 1,
  id: 'SIARAN-20261123-0900',
  noTopic: 0,
  previousWeek: '2026-W53',
  sent: 1990,
  skipped: 5,
  tasks: 16,
  template: 1800,
  templated: 1800,
  uncertain: 0,
  year: 2026,
  // Weekly report.
  at: '23 November 2026 07.00 WIB',
  example: '2026-W47',
  mail: 'Email terkirim ke 2 penerima.',
  median: 12.5,
  next: 'Senin, 30 November 2026 pukul 07.00 WIB',
  onTime: 3,
  p90: 45,
  recipients: 2,
  choices: 'Ketik *1* – Konsultasi',
  close: '17:00',
  closedBy: 'Waktu habis',
  comments: 3,
  complaints: 2,
  consultations: 5,
  contentId: 'KONTEN-2026-W47',
  count: 4,
  created: 2,
  date: '23 November 2026',
  day: 3,
  days: 'Senin–Jumat',
  detail: 'rincian',
  due: '22/11/2026',
  firstMessage: 'Selamat pagi',
  from: 'Senin',
  grade: 'B',
  group: 'Konsultasi UKM',
  hours: 'Senin–Jumat pukul 07.00–17.00 WIB',
  jenis: 'Konsultasi',
  jenisLower: 'konsultasi',
  key: 'Jam Buka',
  koperasi: 1,
  label: 'Baik',
  late: 1,
  likes: 10,
  lines: '• tugas',
  liveViewers: 12,
  max: 120,
  mean: 3.25,
  mediaKind: 'gambar',
  min: 5,
  minutes: 30,
  missing: '{sessionId}',
  name: 'Ibu Sari',
  nextOpening: 'Senin, 23 November 2026 pukul 07.00 WIB',
  notDone: 0,
  number: 1,
  officer: 2,
  open: '07:00',
  provider: 'WhatsApp Cloud API',
  publications: 1,
  questions: 4,
  range: '16–22 November 2026',
  rate: '80%',
  reason: 'nomor tidak terdaftar',
  caption: 'Foto izin',
  code: 'nib',
  fromGroup: 'Konsultasi Koperasi',
  groups: 'Konsultasi UKM',
  kind: 'gambar',
  list: '• nib',
  mime: 'application/zip',
  size: '20 MB',
  repaired: 1,
  sessionId: 'HK-2611-0042',
  sessions: 5,
  sheetName: 'Laporan 2026-W47',
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/x',
  summary: 'Jumlah sesi: 5',
  task: 'Mencari topik',
  team: 'Humas',
  text: 'Baik Bu',
  theme: 'UKM',
  time: '23/11/2026 09:00',
  timeout: 1,
  title: 'Konsultasi',
  to: 'Jumat',
  topic: 'Modal',
  total: 7,
  ukm: 1,
  user: 2,
  value: '81,25',
  views: 1000,
  where: 'lembar Antrean Masuk',
  used: 98,
  account: 'konsumen',
  more: '\n… dan 3 lainnya',
  week: '2026-W47',
  zone: 'WIB',
};

const KEYS = Object.keys(MESSAGES) as MessageKey[];

describe('message catalogue', () => {
  it.each(KEYS)('renders %s with no leftover placeholder when given its vars', (key) => {
    const vars: Record<string, string | number> = {};
    for (const name of placeholders(key)) {
      expect(SAMPLE).toHaveProperty(name);
      vars[name] = SAMPLE[name];
    }
    // `missing` is the one value that itself looks like a placeholder.
    const text = render(key, vars).replace('{sessionId}', '');
    expect(text).not.toMatch(/\{[A-Za-z]\w*\}/);
    expect(text.trim()).not.toBe('');
  });

  it('leaves unknown placeholders visible so a mistake is seen', () => {
    expect(render('connected', { sessionId: 'HK-2611-0042' })).toContain('{minutes}');
    expect(render('sessionEndedByUser')).toContain('{sessionId}');
  });

  it('does not substitute inside substituted values', () => {
    expect(fill('{a} {b}', { a: '{b}', b: 'x' })).toBe('{b} x');
  });

  it('overrides apply when non-empty', () => {
    expect(render('health', {}, { health: 'Layanan aktif.' })).toBe('Layanan aktif.');
    expect(
      render(
        'sessionEndedByUser',
        { sessionId: 'HK-2611-0001' },
        { sessionEndedByUser: 'Sesi {sessionId} ditutup.' },
      ),
    ).toBe('Sesi HK-2611-0001 ditutup.');
    expect(render('health', {}, { health: '   ' })).toBe('HALO KOP-UKM aktif.');
    expect(render('health', {}, { health: '' })).toBe('HALO KOP-UKM aktif.');
  });

  it('reports placeholders an override lacks or adds', () => {
    expect(overrideProblems('connected', 'Terhubung, ID {sessionId} {foo}')).toEqual({
      missing: ['jenis', 'bidang', 'topic', 'minutes'],
      unknown: ['foo'],
    });
    expect(overrideProblems('health', 'Aktif.')).toEqual({ missing: [], unknown: [] });
  });

  it('contains no English text (spot check)', () => {
    const english =
      /\b(the|please|your|you|thank|thanks|sorry|welcome|hello|error|session|invalid|failed|missing|not|and|with|for|of|is|are)\b/i;
    const texts = [
      ...Object.values(MESSAGES),
      ...Object.values(HARI),
      ...Object.values(BULAN),
      ...Object.values(RATING_LABELS),
      ...Object.values(CLOSED_BY_LABELS),
      ...TOPIK.Koperasi,
      ...TOPIK.UKM,
    ];
    for (const text of texts) {
      // Placeholders are code, not text.
      expect(text.replace(/\{\w+\}/g, '')).not.toMatch(english);
    }
  });

  it('addresses citizens as Bapak/Ibu', () => {
    for (const key of ['menuWelcome', 'outOfHours', 'connected', 'ratingThanks', 'subscribeOk'] as const) {
      expect(MESSAGES[key]).toContain('Bapak/Ibu');
    }
  });

  it('tells the citizen the session ID, the limit and how to finish', () => {
    const text = render('connected', {
      sessionId: 'HK-2611-0042',
      jenis: 'Konsultasi',
      bidang: 'UKM',
      topic: 'Modal',
      minutes: 30,
    });
    expect(text).toContain('HK-2611-0042');
    expect(text).toContain('30 menit');
    expect(text).toContain('SELESAI');
  });

  it('tells the officer how to reply', () => {
    expect(MESSAGES.officerNewSession).toContain('balas pesan ini atau awali pesan dengan ID sesi');
  });

  it('lists the rating levels in order', () => {
    expect(Object.values(RATING_LABELS)).toEqual([
      'Tidak membantu',
      'Kurang membantu',
      'Cukup membantu',
      'Sangat membantu',
    ]);
  });

  it('names days and months in Indonesian', () => {
    expect(dayName(1)).toBe('Senin');
    expect(dayName(7)).toBe('Minggu');
    expect(dayName(0)).toBe('');
    expect(monthName(1)).toBe('Januari');
    expect(monthName(12)).toBe('Desember');
  });

  it('joins lists the Indonesian way', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['Senin'])).toBe('Senin');
    expect(joinList(['Senin', 'Rabu'])).toBe('Senin dan Rabu');
    expect(joinList(['Senin', 'Rabu', 'Jumat'])).toBe('Senin, Rabu dan Jumat');
  });

  it('knows its keys', () => {
    expect(isMessageKey('health')).toBe(true);
    expect(isMessageKey('toString')).toBe(false);
  });
});
