// What a fresh playground holds besides the product's own setup: the documented defaults (Cloud API,
// webhook secret and verify token "playground", phone number id "PLAYGROUND") and demo officers,
// one per help-desk group plus the reporting team, so routing and notifications are visible.

export const DEFAULTS = {
  provider: 'cloud' as const,
  webhookKey: 'playground',
  verifyToken: 'playground',
  phoneNumberId: 'PLAYGROUND',
  token: 'playground-token',
};

export const OFFICERS_SHEET = 'Penanggung Jawab';

export const DEMO_OFFICERS: Record<string, unknown>[] = [
  {
    Grup: 'Konsultasi Koperasi',
    Nama: 'Rina Koperasi',
    WhatsApp: '6281299990001',
    Email: 'rina.koperasi@contoh.go.id',
    Aktif: true,
  },
  {
    Grup: 'Konsultasi UKM',
    Nama: 'Agus UKM',
    WhatsApp: '6281299990002',
    Email: 'agus.ukm@contoh.go.id',
    Aktif: true,
  },
  {
    Grup: 'Pengaduan Koperasi',
    Nama: 'Sari Pengaduan',
    WhatsApp: '6281299990003',
    Email: 'sari.pengaduan@contoh.go.id',
    Aktif: true,
  },
  {
    Grup: 'Pengaduan UKM',
    Nama: 'Dodi Pengaduan',
    WhatsApp: '6281299990004',
    Email: 'dodi.pengaduan@contoh.go.id',
    Aktif: true,
  },
  {
    Grup: 'Pelaporan',
    Nama: 'Maya Pelaporan',
    WhatsApp: '6281299990005',
    Email: 'maya.pelaporan@contoh.go.id',
    Aktif: true,
  },
];
