// Non-secret settings in the `Pengaturan` sheet: key, value, description. Setup adds missing keys
// with their defaults and never overwrites what staff entered. Secrets live in Script Properties.

export interface SettingDef {
  readonly key: string;
  readonly defaultValue: string;
  readonly description: string;
}

export const SETTING = {
  openTime: 'Jam Buka',
  closeTime: 'Jam Tutup',
  workDays: 'Hari Kerja',
  timeZone: 'Zona Waktu',
  sessionMinutes: 'Durasi Sesi (menit)',
  graphVersion: 'Versi Graph API',
  officerNotify: 'Notifikasi Petugas',
  reportWeekday: 'Hari Laporan',
  reportHour: 'Jam Laporan',
  reportEmails: 'Email Tim Pelaporan',
  themeRule: 'Aturan Tema',
  publicationWeekday: 'Hari Terbit',
  evaluationWeekday: 'Hari Evaluasi',
  evaluationMinDays: 'Jarak Minimal Evaluasi (hari)',
  reminderHour: 'Jam Pengingat Tugas',
  broadcastTemplate: 'Nama Template Siaran',
  broadcastTemplateLanguage: 'Bahasa Template Siaran',
  broadcastTemplateVariables: 'Variabel Template Siaran',
  broadcastDailyLimit: 'Batas Siaran per Hari',
  serviceNumber: 'Nomor Layanan WhatsApp',
  waGreeting: 'Salam Pembuka wa.me',
  retentionMonths: 'Retensi Data (bulan)',
  maskArchive: 'Samarkan Nomor di Arsip',
  archiveUrl: 'Arsip',
  caseDaysLight: 'Batas Kasus Ringan (hari kerja)',
  caseDaysNormative: 'Batas Kasus Normatif (hari kerja)',
  caseDaysNoSupervision: 'Batas Kasus Tidak Berkadar Pengawasan (hari kerja)',
  caseDaysSupervision: 'Batas Kasus Berkadar Pengawasan (hari kerja)',
  caseDefaultCategory: 'Kategori Kasus Awal',
  caseTemplate: 'Nama Template Kasus',
  caseTemplateLanguage: 'Bahasa Template Kasus',
  caseReminderHour: 'Jam Pengingat Kasus',
  caseRating: 'Penilaian Saat Kasus Selesai',
  handoverRestartsSession: 'Alihkan Mulai Ulang Sesi',
  mediaMaxMb: 'Batas Unduh Lampiran (MB)',
  officerFileMaxMb: 'Batas Berkas Petugas (MB)',
  accountType: 'Jenis Akun Google',
} as const;

export type SettingKey = keyof typeof SETTING;

export const SETTING_DEFS: readonly SettingDef[] = [
  { key: SETTING.openTime, defaultValue: '07:00', description: 'Jam layanan dibuka (JJ:MM).' },
  { key: SETTING.closeTime, defaultValue: '17:00', description: 'Jam layanan ditutup (JJ:MM).' },
  {
    key: SETTING.workDays,
    defaultValue: 'Senin-Jumat',
    description:
      'Hari kerja layanan, mis. "Senin-Jumat" atau "1-5" (1 = Senin). Tanggal di sheet Hari Libur dikecualikan.',
  },
  { key: SETTING.timeZone, defaultValue: 'Asia/Jakarta', description: 'Zona waktu layanan (WIB).' },
  {
    key: SETTING.sessionMinutes,
    defaultValue: '30',
    description: 'Lama maksimal satu sesi konsultasi sejak terhubung dengan petugas (menit).',
  },
  { key: SETTING.graphVersion, defaultValue: 'v25.0', description: 'Versi Graph API Meta, mis. v25.0.' },
  {
    key: SETTING.officerNotify,
    defaultValue: 'whatsapp+email',
    description: 'Cara memberi tahu petugas saat ada sesi baru: "whatsapp", "email" atau "whatsapp+email".',
  },
  { key: SETTING.reportWeekday, defaultValue: 'Senin', description: 'Hari pengiriman laporan mingguan.' },
  { key: SETTING.reportHour, defaultValue: '7', description: 'Jam pengiriman laporan mingguan (0-23).' },
  {
    key: SETTING.reportEmails,
    defaultValue: '',
    description: 'Email tambahan penerima laporan (pisahkan dengan koma), selain grup Pelaporan.',
  },
  {
    key: SETTING.themeRule,
    defaultValue: 'iso',
    description: 'Aturan tema: "iso" (minggu ISO ganjil = UKM, genap = Koperasi) atau "selang-seling".',
  },
  { key: SETTING.publicationWeekday, defaultValue: 'Minggu', description: 'Hari terbit konten mingguan.' },
  { key: SETTING.evaluationWeekday, defaultValue: 'Kamis', description: 'Hari rapat evaluasi konten.' },
  {
    key: SETTING.evaluationMinDays,
    defaultValue: '4',
    description: 'Evaluasi paling cepat sekian hari setelah terbit (hari evaluasi pertama sesudahnya).',
  },
  {
    key: SETTING.reminderHour,
    defaultValue: '7',
    description: 'Jam pengiriman pengingat tugas harian (0-23).',
  },
  {
    key: SETTING.broadcastTemplate,
    defaultValue: '',
    description: 'Nama template WhatsApp yang disetujui Meta untuk siaran di luar jendela 24 jam.',
  },
  { key: SETTING.broadcastTemplateLanguage, defaultValue: 'id', description: 'Kode bahasa template siaran.' },
  {
    key: SETTING.broadcastTemplateVariables,
    defaultValue: '2',
    description:
      'Jumlah variabel isi template siaran: 2 ({{1}} topik, {{2}} isi), 1 ({{1}} topik dan isi), atau 0.',
  },
  {
    key: SETTING.broadcastDailyLimit,
    defaultValue: '250',
    description: 'Batas pesan siaran per hari (batas Meta untuk akun baru: 250 pengguna per 24 jam).',
  },
  {
    key: SETTING.serviceNumber,
    defaultValue: '',
    description: 'Nomor WhatsApp layanan (mis. 6281234567890) untuk tautan wa.me dan kode QR.',
  },
  {
    key: SETTING.waGreeting,
    defaultValue: 'Halo HALO KOP-UKM, saya ingin berkonsultasi.',
    description: 'Pesan pembuka yang sudah terisi pada tautan wa.me.',
  },
  {
    key: SETTING.retentionMonths,
    defaultValue: '12',
    description: 'Sesi dan pesan yang lebih tua dari sekian bulan dipindahkan ke spreadsheet arsip.',
  },
  {
    key: SETTING.maskArchive,
    defaultValue: 'TIDAK',
    description: 'Samarkan nomor telepon di arsip (YA/TIDAK).',
  },
  {
    key: SETTING.handoverRestartsSession,
    defaultValue: 'Tidak',
    description:
      'Ya: sesi yang dialihkan ke grup lain mendapat waktu penuh lagi; Tidak: waktu berjalan terus.',
  },
  {
    key: SETTING.mediaMaxMb,
    defaultValue: '16',
    description: 'Lampiran warga di atas ukuran ini tidak diunduh ke Drive, hanya dicatat "terlalu besar".',
  },
  {
    key: SETTING.officerFileMaxMb,
    defaultValue: '5',
    description:
      'Ukuran maksimal berkas yang dikirim petugas dari panel (maksimal 5 MB: batas google.script.run).',
  },
  { key: SETTING.archiveUrl, defaultValue: '', description: 'Tautan spreadsheet arsip (diisi otomatis).' },
  {
    key: SETTING.caseDaysLight,
    defaultValue: '2',
    description: 'Waktu penyelesaian pengaduan ringan (hari kerja; SP4N-LAPOR!: 2).',
  },
  {
    key: SETTING.caseDaysNormative,
    defaultValue: '5',
    description: 'Waktu penyelesaian pengaduan normatif (hari kerja; SP4N-LAPOR!: 5).',
  },
  {
    key: SETTING.caseDaysNoSupervision,
    defaultValue: '14',
    description: 'Waktu penyelesaian pengaduan tidak berkadar pengawasan (hari kerja; SP4N-LAPOR!: 14).',
  },
  {
    key: SETTING.caseDaysSupervision,
    defaultValue: '60',
    description:
      'Waktu penyelesaian pengaduan berkadar pengawasan / perlu pemeriksaan (hari kerja; SP4N-LAPOR!: 60).',
  },
  {
    key: SETTING.caseDefaultCategory,
    defaultValue: 'Normatif',
    description:
      'Kategori awal kasus baru: Ringan, Normatif, Tidak berkadar pengawasan, Berkadar pengawasan.',
  },
  {
    key: SETTING.caseTemplate,
    defaultValue: '',
    description:
      'Nama template WhatsApp yang disetujui Meta untuk kabar kasus di luar jendela 24 jam ({{1}} ID, {{2}} status, {{3}} catatan).',
  },
  { key: SETTING.caseTemplateLanguage, defaultValue: 'id', description: 'Kode bahasa template kasus.' },
  {
    key: SETTING.caseReminderHour,
    defaultValue: '7',
    description: 'Jam pengingat batas kasus harian untuk grup pengaduan (0-23).',
  },
  {
    key: SETTING.caseRating,
    defaultValue: 'YA',
    description:
      'Minta penilaian warga ketika kasus selesai (YA/TIDAK); dihitung terpisah dari penilaian sesi.',
  },
  {
    key: SETTING.accountType,
    defaultValue: 'konsumen',
    description:
      'Jenis akun Google pemilik skrip: "konsumen" (Gmail gratis: 100 penerima email, 20.000 panggilan ' +
      'UrlFetch, 90 menit pemicu per hari) atau "workspace" (Google Workspace: 1.500 / 100.000 / 6 jam).',
  },
];

/** Text overrides: a Pengaturan row with key "Teks: <messageKey>" replaces that catalogue text. */
export const TEXT_OVERRIDE_PREFIX = 'Teks: ';

/** Provider and secrets, in Script Properties only (set by the settings dialog). */
export const SECRET = {
  provider: 'cfg:provider',
  webhookKey: 'secret:webhookKey',
  verifyToken: 'secret:verifyToken',
  accessToken: 'secret:accessToken',
  phoneNumberId: 'secret:phoneNumberId',
  fonnteToken: 'secret:fonnteToken',
} as const;
