/**
 * The Indonesian message catalogue: every text a person reads (citizens on WhatsApp, officers,
 * the team in Sheets and email) and the words citizens type (commands, menu aliases).
 *
 * Templates use `{placeholder}` names in English camelCase; `render` fills them. Staff may
 * override any template (by key) from the spreadsheet; an empty override falls back to the default.
 * This module imports nothing, so every other module may use it.
 */

/** Day names by ISO weekday (1 = Senin … 7 = Minggu). */
export const HARI: Readonly<Record<number, string>> = {
  1: 'Senin',
  2: 'Selasa',
  3: 'Rabu',
  4: 'Kamis',
  5: 'Jumat',
  6: 'Sabtu',
  7: 'Minggu',
};

/** Month names by month number (1 = Januari … 12 = Desember). */
export const BULAN: Readonly<Record<number, string>> = {
  1: 'Januari',
  2: 'Februari',
  3: 'Maret',
  4: 'April',
  5: 'Mei',
  6: 'Juni',
  7: 'Juli',
  8: 'Agustus',
  9: 'September',
  10: 'Oktober',
  11: 'November',
  12: 'Desember',
};

/** Indonesian time-zone abbreviations by UTC offset in minutes. */
export const ZONE_LABELS: Readonly<Record<number, string>> = {
  420: 'WIB',
  480: 'WITA',
  540: 'WIT',
};

/** SOP 000 V.11: the four-level ordinal rating (the single source of these labels). */
export const RATING_LABELS = {
  1: 'Tidak membantu',
  2: 'Kurang membantu',
  3: 'Cukup membantu',
  4: 'Sangat membantu',
} as const;

/** DESIGN §3.5: how `Ditutup Oleh` values read in the sidebar and reports. */
export const CLOSED_BY_LABELS = {
  user: 'Pengguna',
  petugas: 'Petugas',
  'waktu habis': 'Waktu habis',
} as const;

/** SOP 000 V.6–V.7: the topics of the third menu step, numbered 1… in this order. */
export const TOPIK = {
  Koperasi: ['Keanggotaan', 'SHU', 'Rapat anggota', 'Lainnya'],
  UKM: [
    'Modal',
    'Izin usaha',
    'Sertifikasi',
    'Bahan',
    'Pengemasan',
    'Pasar/Promosi usaha',
    'Pelatihan',
    'Lainnya',
  ],
} as const;

/**
 * Words citizens type. Matching ignores case, punctuation and extra spaces, so only the bare
 * words are listed here.
 */
export const KEYWORDS = {
  /** Restart the menu (DESIGN §3.2). */
  restart: ['menu', 'menu utama', 'mulai ulang', 'ulang'],
  /** Go back one menu step, besides `0`. */
  back: ['kembali'],
  /** End the session early (SOP 000 V.10). */
  end: ['selesai', 'sudah selesai', 'sesi selesai', 'akhiri', 'akhiri sesi'],
  /** Broadcast opt-in (DESIGN §3.8). */
  subscribe: ['daftar', 'daftar siaran', 'langganan', 'berlangganan'],
  /** Broadcast opt-out (DESIGN §3.8). */
  unsubscribe: ['berhenti', 'stop', 'berhenti langganan', 'berhenti berlangganan'],
  /** Words placed before a number that do not change it: "nomor 1", "pilih 2". */
  numberPrefixes: ['nomor', 'nomer', 'no', 'pilih', 'pilihan', 'ketik', 'angka', 'opsi'],
  /** Numbers written as words. */
  numberWords: {
    nol: 0,
    satu: 1,
    dua: 2,
    tiga: 3,
    empat: 4,
    lima: 5,
    enam: 6,
    tujuh: 7,
    delapan: 8,
  } as Readonly<Record<string, number>>,
} as const;

/** Other names citizens use for each menu option (the option's own title always works too). */
export const MENU_ALIASES = {
  jenis: {
    Konsultasi: ['konsultasi', 'konsul', 'tanya', 'bertanya', 'informasi', 'info'],
    Pengaduan: ['pengaduan', 'aduan', 'mengadu', 'adukan', 'komplain', 'keluhan', 'lapor'],
  },
  bidang: {
    Koperasi: ['koperasi', 'kop', 'kopdes'],
    UKM: ['ukm', 'umkm', 'umk', 'usaha kecil', 'usaha kecil menengah', 'usaha mikro'],
  },
  /** Same order as `TOPIK`. */
  topik: {
    Koperasi: [
      ['keanggotaan', 'anggota', 'anggota koperasi'],
      ['shu', 'sisa hasil usaha'],
      ['rapat anggota', 'rapat', 'rat', 'rapat anggota tahunan'],
      ['lainnya', 'lain', 'lain lain', 'yang lain'],
    ],
    UKM: [
      ['modal', 'permodalan', 'pinjaman', 'kredit', 'kur'],
      ['izin usaha', 'izin', 'ijin', 'ijin usaha', 'perizinan', 'nib'],
      ['sertifikasi', 'sertifikat', 'halal', 'pirt', 'sni'],
      ['bahan', 'bahan baku'],
      ['pengemasan', 'kemasan', 'packaging'],
      ['pasar', 'promosi', 'promosi usaha', 'pemasaran', 'pasar promosi usaha'],
      ['pelatihan', 'latihan', 'bimtek'],
      ['lainnya', 'lain', 'lain lain', 'yang lain'],
    ],
  },
  /** By rating level; the full labels of `RATING_LABELS` always work too. */
  rating: {
    1: ['tidak membantu'],
    2: ['kurang membantu', 'kurang'],
    3: ['cukup membantu', 'cukup'],
    4: ['sangat membantu', 'sangat'],
  },
} as const;

/** A session handed over to the officer's group (WhatsApp; the email adds the spreadsheet link). */
const HANDOVER_NOTICE =
  '*HALO KOP-UKM – sesi dialihkan*\nID sesi: *{sessionId}*\nDari: {fromGroup} (oleh {by})\n' +
  'Ke: {group}\nTopik: {topic}\nNama: {name}\nWaktu: {time}\n\nPesan pertama:\n{firstMessage}\n\n' +
  'Untuk menjawab, balas pesan ini atau awali pesan dengan ID sesi.';

const CASE_HANDOVER_NOTICE =
  '*HALO KOP-UKM – kasus dialihkan*\nID kasus: *{sessionId}*\nDari: {fromGroup} (oleh {by})\n' +
  'Ke: {group}\nStatus: {status}\nKategori: {category}\nBatas penyelesaian: {deadline}\nTopik: {topic}\n' +
  'Nama: {name}\n\nPerbarui kasus dengan /kasus {sessionId} proses|selesai|tolak <catatan>, atau di ' +
  'panel HALO KOP-UKM (tab Kasus).';

/**
 * The templates. WhatsApp texts use `*bold*`; email texts are plain. Placeholder names used
 * across the catalogue: see `PLACEHOLDERS`.
 */
export const MESSAGES = {
  // ---- WhatsApp: menu (SOP 000 V.4–V.7) ----
  menuWelcome:
    'Selamat datang di *HALO KOP-UKM* (Halaman Konsultasi Koperasi dan UKM), layanan ' +
    'Dinas Koperasi dan UKM Kabupaten Bogor.\n\n' +
    'Silakan pilih layanan yang Bapak/Ibu butuhkan:\n{choices}\n\n' +
    'Balas dengan angka pilihan, misalnya *1*.',
  menuJenis: 'Silakan pilih layanan yang Bapak/Ibu butuhkan:\n{choices}',
  menuBidang: 'Bapak/Ibu memilih *{jenis}*. Mengenai bidang apa?\n{choices}',
  menuTopikKoperasi: 'Bidang *Koperasi*. Silakan pilih topik {jenisLower} Bapak/Ibu:\n{choices}',
  menuTopikUkm: 'Bidang *UKM*. Silakan pilih topik {jenisLower} Bapak/Ibu:\n{choices}',
  menuLine: 'Ketik *{number}* – {title}',
  menuNavHint: 'Ketik *0* untuk kembali, atau *MENU* untuk mulai ulang.',
  menuInvalidJenis: 'Maaf, pilihan belum kami kenali. Mohon balas dengan angka saja:\n{choices}',
  menuInvalidBidang: 'Maaf, pilihan bidang belum kami kenali. Mohon balas dengan angka saja:\n{choices}',
  menuInvalidTopik: 'Maaf, pilihan topik belum kami kenali. Mohon balas dengan angka saja:\n{choices}',
  menuListButton: 'Lihat pilihan',

  // ---- WhatsApp: service hours (SOP 000 V.1) ----
  outOfHours:
    'Terima kasih telah menghubungi *HALO KOP-UKM*.\n\n' +
    'Saat ini di luar jam layanan kami ({hours}). Pesan Bapak/Ibu sudah kami simpan dan akan ' +
    'dijawab oleh petugas pada hari kerja berikutnya, *{nextOpening}*.\n\n' +
    'Sambil menunggu, Bapak/Ibu dapat memilih layanan agar pesan langsung diteruskan ke petugas ' +
    'yang tepat.',
  queuedOutOfHours:
    'Terima kasih. Permohonan Bapak/Ibu tentang *{topic}* sudah tercatat dengan ID sesi ' +
    '*{sessionId}*.\n\nSilakan tuliskan pertanyaan atau pengaduan Bapak/Ibu secara lengkap. ' +
    'Petugas kami akan menjawab pada *{nextOpening}*.',
  hoursDescription: '{days} pukul {open}–{close} {zone}',
  openingDescription: '{day}, {date} pukul {time} {zone}',
  dayRange: '{from}–{to}',
  listJoinLast: ' dan ',

  // ---- WhatsApp: session (SOP 000 V.8–V.10) ----
  connected:
    'Terima kasih. Bapak/Ibu terhubung dengan petugas *{jenis} {bidang}* untuk topik ' +
    '*{topic}*.\nID sesi: *{sessionId}*\n\n' +
    'Silakan sampaikan pertanyaan atau pengaduan Bapak/Ibu secara lengkap; petugas kami akan ' +
    'segera menjawab. Sesi berlangsung paling lama *{minutes} menit*.\n\n' +
    'Ketik *SELESAI* bila sudah cukup.',
  sessionEndingSoon:
    'Sesi *{sessionId}* akan berakhir dalam {minutes} menit. Ketik *SELESAI* bila sudah cukup.',
  sessionTimeout:
    'Sesi *{sessionId}* telah berakhir karena sudah mencapai batas waktu {minutes} menit.\n\n' +
    'Bila masih ada yang ingin disampaikan, silakan mulai percakapan baru dengan mengetik ' +
    '*MENU*.',
  sessionEndedByUser: 'Sesi *{sessionId}* telah selesai. Terima kasih telah menggunakan HALO KOP-UKM.',
  sessionEndedByOfficer:
    'Petugas telah menutup sesi *{sessionId}*. Terima kasih telah menggunakan HALO KOP-UKM.\n\n' +
    'Bila masih ada yang ingin disampaikan, silakan ketik *MENU*.',
  mediaReceived: 'Terima kasih, {mediaKind} Bapak/Ibu sudah kami terima dan diteruskan ke petugas.',
  unsupportedMessage:
    'Maaf, jenis pesan ini belum dapat kami proses. Mohon kirim pesan teks, gambar, atau dokumen.',

  // ---- WhatsApp: rating (SOP 000 V.11) ----
  ratingQuestion:
    'Bagaimana penilaian Bapak/Ibu atas layanan pada sesi *{sessionId}*? Balas dengan angka:\n' + '{choices}',
  ratingInvalid: 'Maaf, penilaian belum kami kenali. Mohon balas dengan angka *1* sampai *4*:\n{choices}',
  ratingThanks:
    'Terima kasih atas penilaian Bapak/Ibu: *{label}*. Masukan Bapak/Ibu sangat berarti bagi ' +
    'peningkatan layanan kami.',
  ratingSkipped:
    'Penilaian untuk sesi *{sessionId}* kami lewati. Terima kasih telah menggunakan HALO KOP-UKM.',
  ratingListButton: 'Beri penilaian',

  // ---- Officers (DESIGN §3.3) ----
  officerNewSession:
    '*HALO KOP-UKM – sesi baru*\nID sesi: *{sessionId}*\n' +
    'Layanan: {jenis} {bidang}\nTopik: {topic}\nNama: {name}\nWaktu: {time}\n\n' +
    'Pesan pertama:\n{firstMessage}\n\n' +
    'Untuk menjawab, balas pesan ini atau awali pesan dengan ID sesi, misalnya ' +
    '"{sessionId} Selamat pagi, …".',
  officerNewMessage: '*{sessionId}* ({name}):\n{text}',
  officerEmailSubject: '[HALO KOP-UKM] {jenis} {bidang} – {topic} ({sessionId})',
  officerEmailBody:
    'Yth. Petugas {jenis} {bidang},\n\n' +
    'Ada sesi baru di HALO KOP-UKM yang menunggu jawaban.\n\n' +
    'ID sesi: {sessionId}\nLayanan: {jenis} {bidang}\nTopik: {topic}\nNama: {name}\n' +
    'Waktu: {time}\n\nPesan pertama:\n{firstMessage}\n\n' +
    'Jawab melalui panel HALO KOP-UKM di spreadsheet: {spreadsheetUrl}\n' +
    'atau melalui WhatsApp dengan mengawali pesan dengan ID sesi.\n\n' +
    'Pesan ini dikirim otomatis oleh HALO KOP-UKM.',
  officerReplyToCitizen: '*{name}* (petugas HALO KOP-UKM):\n{text}',
  officerRelayOk: 'Terkirim ke pengguna layanan (sesi {sessionId}).',
  officerRelayNoSession:
    'Pesan belum terkirim: ID sesi tidak ditemukan. Balas pesan pemberitahuan sesi, atau awali ' +
    'pesan dengan ID sesi, misalnya "HK-2611-0042 Selamat pagi, …".',
  officerRelayUnknownSession: 'Pesan belum terkirim: sesi *{sessionId}* tidak ditemukan.',
  officerRelaySessionClosed:
    'Pesan belum terkirim: sesi *{sessionId}* sudah berakhir ({closedBy}). Pengguna layanan ' +
    'perlu memulai percakapan baru.',
  officerRelayFailed: 'Pesan ke pengguna layanan gagal dikirim (sesi {sessionId}): {reason}',
  officerSessionEnded: 'Sesi *{sessionId}* telah berakhir ({closedBy}).',
  officerClaimWarning:
    '⚠️ Sesi *{sessionId}* sedang ditangani oleh *{owner}*. Pesan Anda belum dikirim, agar pengguna ' +
    'layanan tidak menerima dua jawaban.\n\nUntuk tetap mengirim, balas pesan ini dengan *KIRIM*, ' +
    'atau kirim ulang pesan Anda dengan awalan /kirim (misalnya "/kirim {sessionId} Selamat pagi, …").',
  officerClaimWarningMedia:
    '⚠️ Sesi *{sessionId}* sedang ditangani oleh *{owner}*. Berkas Anda disimpan tetapi belum dikirim ke ' +
    'pengguna layanan.\n\nUntuk tetap mengirim, balas pesan ini dengan *KIRIM*.',
  officerClaimHoldExpired:
    'Pesan yang ditahan untuk sesi *{sessionId}* tidak ditemukan lagi. Kirim ulang dengan awalan /kirim, ' +
    'misalnya "/kirim {sessionId} Selamat pagi, …".',
  officerClaimJoined: '{officer} juga membalas pengguna layanan pada sesi *{sessionId}* yang Anda tangani.',

  // ---- Officers: hand-over, claim, quick replies, media (issue 15) ----
  handoverToCitizen:
    'Percakapan Bapak/Ibu (sesi *{sessionId}*) kami alihkan ke petugas *{group}* agar ditangani ' +
    'oleh bagian yang tepat. Mohon tunggu sebentar.',
  officerHandoverNew: HANDOVER_NOTICE,
  officerHandoverEmail: `${HANDOVER_NOTICE}\n\n{spreadsheetUrl}`,
  officerHandoverDone: 'Sesi *{sessionId}* dialihkan ke *{group}*.',
  officerCaseHandoverNew: CASE_HANDOVER_NOTICE,
  officerCaseHandoverEmail: `${CASE_HANDOVER_NOTICE}\n\n{spreadsheetUrl}`,
  officerCaseHandoverDone:
    'Kasus *{sessionId}* dialihkan ke *{group}*; petugas grup itu diberi tahu. Kabar ke warga: {sent}.',
  officerHandoverEnded:
    'Sesi *{sessionId}* sudah berakhir dan tidak memiliki kasus yang masih terbuka, jadi tidak dapat dialihkan.',
  caseHandoverNote: 'Dialihkan dari {fromGroup} ke {group}.',
  caseHandoverCitizenNote: 'Pengaduan Bapak/Ibu kini ditangani oleh petugas {group}.',
  officerHandoverUsage:
    'Format: /alihkan <ID sesi> <grup>, misalnya "/alihkan HK-2612-0001 Konsultasi UKM". Grup: {groups}.',
  officerHandoverUnknownGroup: 'Grup "{group}" tidak dikenal. Pilih salah satu: {groups}.',
  officerHandoverSameGroup: 'Sesi *{sessionId}* sudah berada di grup *{group}*.',
  officerClaimedNote: 'Catatan: sesi *{sessionId}* ditangani oleh {officer}.',
  quickReplyUnknown: 'Jawaban cepat "{code}" tidak ada. Kode yang tersedia:\n{list}',
  quickReplyNone: 'Belum ada jawaban cepat. Isi lembar Jawaban Cepat (Kode, Judul, Isi, Grup).',
  quickReplyUsage: 'Format: /j <kode> (balas pesan pemberitahuan) atau /j <kode> <ID sesi>.',
  officerMediaRelayed: '*{sessionId}* ({name}) mengirim {kind}. {caption}',
  officerMediaQueued:
    'Berkas untuk sesi *{sessionId}* diterima dan dikirim ke pengguna layanan dalam satu menit.',
  mediaTooLarge: 'terlalu besar ({size}); tidak diunduh',

  // ---- Broadcast (DESIGN §3.8) ----
  subscribeOk:
    'Terima kasih, nomor Bapak/Ibu telah terdaftar untuk menerima informasi HALO KOP-UKM. ' +
    'Ketik *BERHENTI* kapan saja untuk berhenti.',
  subscribeAlready:
    'Nomor Bapak/Ibu sudah terdaftar untuk menerima informasi HALO KOP-UKM. Ketik *BERHENTI* ' +
    'untuk berhenti.',
  unsubscribeOk:
    'Nomor Bapak/Ibu tidak akan menerima informasi HALO KOP-UKM lagi. Ketik *DAFTAR* bila ingin ' +
    'berlangganan kembali.',
  unsubscribeAlready:
    'Nomor Bapak/Ibu memang tidak terdaftar untuk menerima informasi HALO KOP-UKM. Ketik ' +
    '*DAFTAR* untuk berlangganan.',
  broadcastText:
    '*Info HALO KOP-UKM*\n*{topic}*\n\n{body}\n\n' +
    'Ketik *MENU* untuk konsultasi, atau *BERHENTI* untuk berhenti menerima informasi.',

  // ---- Socialisation (SOP 000 table, step 5) ----
  waMeGreeting: 'Halo HALO KOP-UKM, saya ingin berkonsultasi.',
  qrCaption: 'Pindai untuk menghubungi HALO KOP-UKM melalui WhatsApp',

  // ---- Content tasks (SOP 001, Tahapan Kegiatan) ----
  taskSearchTopic: 'Mencari topik konten mingguan (tema {theme})',
  taskContactSpeaker: 'Menghubungi narasumber (ketua atau anggota koperasi/UKM)',
  taskNarrative: 'Menyusun narasi singkat dan poin pembahasan',
  taskDesign: 'Merancang desain konten di Canva',
  taskCheck: 'Memastikan desain dan isi konten sudah sesuai (08.00–08.30)',
  taskPublish: 'Mempublikasikan konten di media sosial Diskopukm (09.00–09.30)',
  taskQna: 'Membuka sesi tanya-jawab (question box Instagram, kolom komentar TikTok)',
  taskLive: 'Mempersiapkan dan melaksanakan live Instagram bersama narasumber (13.00–14.30)',
  taskMonitor: 'Memantau jumlah tayangan dan suka di Instagram dan TikTok (hari ke-{day})',
  taskFeedback: 'Mengumpulkan masukan (feedback) dari sasaran program',
  taskEvaluation: 'Evaluasi bersama seluruh pihak pelaksana',
  taskRecordEvaluation: 'Mencatat hasil evaluasi',
  topicBankEmpty:
    'Bank Topik tidak memiliki topik bertema {theme} yang belum dipakai untuk terbitan ' +
    '{date}. Mohon tambahkan topik baru.',
  calendarNoTopic: 'Belum ada topik: Bank Topik bertema {theme} habis.',
  themeRepeated: 'Tema sama dengan minggu sebelumnya (tahun dengan 53 minggu ISO).',

  // ---- Reminders (DESIGN §4) ----
  reminderEmailSubject: '[HALO KOP-UKM] Tugas Tim {team} – {date}',
  reminderEmailBody:
    'Yth. Tim {team},\n\n' +
    'Berikut tugas HALO KOP-UKM yang jatuh tempo hari ini atau sudah terlambat:\n\n{lines}\n\n' +
    'Tandai tugas yang sudah selesai di lembar Tugas: {spreadsheetUrl}\n\n' +
    'Pesan ini dikirim otomatis oleh HALO KOP-UKM.',
  reminderWhatsApp: '*Tugas HALO KOP-UKM – Tim {team}* ({date})\n\n{lines}',
  reminderLineDue: '• {task} – konten {contentId}, jatuh tempo {due}',
  reminderLineOverdue: '• {task} – konten {contentId}, TERLAMBAT (jatuh tempo {due})',
  reminderNoRecipients:
    'Pengingat tugas Tim {team} tidak terkirim: grup {team} belum memiliki petugas aktif dengan email ' +
    'di lembar Penanggung Jawab.',
  reminderEmailFailed: 'Email pengingat tugas Tim {team} gagal dikirim: {reason}',

  // ---- Topic rotation (DESIGN §4) ----
  themeRepeatNote:
    'Tema {theme} sama dengan minggu sebelumnya ({previousWeek}): tahun {year} memiliki 53 minggu ISO, ' +
    'sehingga minggu 53 dan minggu 1 sama-sama ganjil. Pilih Aturan Tema "selang-seling" di Pengaturan ' +
    'bila tema harus selalu bergantian.',
  topicBankEmptySubject: '[HALO KOP-UKM] Bank Topik bertema {theme} habis',
  topicBankEmptyEmailBody:
    'Yth. Tim Humas dan Tim Pelaksana,\n\n{lines}\n\n' +
    'Setelah topik ditambahkan di lembar Bank Topik, pilih menu HALO KOP-UKM ▸ Rencanakan konten ' +
    'agar Kalender Konten terisi: {spreadsheetUrl}\n\n' +
    'Pesan ini dikirim otomatis oleh HALO KOP-UKM.',
  topicBankEmptyNoRecipients:
    'Tim Humas dan Tim Pelaksana belum memiliki petugas aktif dengan email; pemberitahuan Bank Topik ' +
    'habis tidak terkirim.',
  contentPlanResult:
    'Kalender Konten diperbarui sampai {date}: {created} terbitan baru, {filled} terbitan mendapat ' +
    'topik, {noTopic} terbitan belum punya topik, {tasks} tugas dibuat.',
  contentPlanNothing: 'Kalender Konten sudah lengkap sampai {date}. Tidak ada yang perlu ditambahkan.',

  // ---- Broadcast sending (DESIGN §3.8) ----
  broadcastTopicRequired: 'Pilih atau tulis topik siaran.',
  broadcastBodyRequired: 'Isi pesan siaran masih kosong.',
  broadcastBodyTooLong: 'Isi pesan siaran terlalu panjang ({count} karakter; paling banyak {max}).',
  broadcastNoSubscribers: 'Belum ada pelanggan siaran yang aktif di lembar Pelanggan Siaran.',
  broadcastAlreadyRunning:
    'Siaran "{topic}" masih berjalan ({done} dari {total} penerima). Tunggu sampai selesai atau ' +
    'batalkan dahulu.',
  broadcastRepeatTopic:
    'Topik "{topic}" sudah disiarkan pada {date}. Centang "kirim lagi" bila memang perlu dikirim ulang ' +
    'ke semua pelanggan.',
  broadcastNotRunning: 'Tidak ada siaran yang sedang berjalan.',
  broadcastSkipNoTemplate:
    'Di luar jendela 24 jam dan Nama Template Siaran belum diisi di Pengaturan; pesan bebas akan ditolak ' +
    'WhatsApp (131047).',
  broadcastSkipStopped: 'Berhenti berlangganan sebelum pesan terkirim.',
  broadcastUncertain:
    'Eksekusi terhenti ketika pesan ini sedang dikirim; statusnya tidak diketahui. Tidak dikirim ulang ' +
    'agar tidak ada yang menerima dua kali.',
  broadcastCancelledBy: 'Dibatalkan oleh {by}.',
  broadcastStarted:
    'Siaran {id} "{topic}" dimulai oleh {by}: {total} penerima ({template} melalui template di luar ' +
    'jendela 24 jam).',
  broadcastFinished:
    'Siaran {id} "{topic}" selesai: {sent} terkirim ({templated} melalui template), {failed} gagal, ' +
    '{skipped} dilewati, {uncertain} tidak pasti.',
  broadcastQuotaReached:
    'Siaran {id} berhenti untuk hari ini: batas {max} pesan per hari tercapai. Dilanjutkan {time}.',
  broadcastThrottled:
    'Siaran {id} dijeda {minutes} menit karena WhatsApp membatasi laju pengiriman ({reason}).',
  broadcastNoTemplateWarning:
    '{count} pelanggan berada di luar jendela 24 jam, tetapi Nama Template Siaran belum diisi: mereka ' +
    'akan dilewati.',
  broadcastStatusRunning: 'Sedang dikirim',
  broadcastStatusPaused: 'Dijeda sebentar (pembatasan laju WhatsApp)',
  broadcastStatusQuota: 'Menunggu kuota hari berikutnya',
  broadcastStatusDone: 'Selesai',
  broadcastStatusCancelled: 'Dibatalkan',

  // ---- Weekly report (DESIGN §5, SOP 000 V.12) ----
  reportSheetName: 'Laporan {week}',
  reportEmailSubject: '[HALO KOP-UKM] Laporan Mingguan {week} ({range})',
  reportEmailBody:
    'Yth. Tim Pelaporan,\n\n' +
    'Berikut ringkasan layanan HALO KOP-UKM minggu {week} ({range}):\n\n{summary}\n\n' +
    'Laporan lengkap terlampir (PDF) dan tersedia di lembar "{sheetName}": {spreadsheetUrl}\n\n' +
    'Pesan ini dikirim otomatis oleh HALO KOP-UKM.',
  reportLineSessions: 'Jumlah sesi: {total} (konsultasi {consultations}, pengaduan {complaints})',
  reportLineComplaints: 'Jumlah pengaduan: {complaints} (koperasi {koperasi}, UKM {ukm})',
  reportLineOutOfHours: 'Sesi di luar jam layanan: {count}',
  reportLineHandovers: 'Sesi yang dialihkan ke grup lain: {count} ({total} kali pengalihan)',
  reportLineWaiting: 'Waktu tunggu jawaban pertama petugas: median {median} menit, 90% sesi ≤ {p90} menit',
  reportLineWaitingNone: 'Waktu tunggu jawaban pertama petugas: belum ada sesi yang dijawab',
  reportLineDuration: 'Lama sesi: median {median} menit, 90% sesi ≤ {p90} menit',
  reportLineClosedBy: 'Sesi berakhir: oleh pengguna {user}, oleh petugas {officer}, waktu habis {timeout}',
  reportLineRatings: 'Penilaian: {count} dari {sessions} sesi ({rate}), rata-rata {mean} dari 4',
  reportLineIkm: 'Indeks kepuasan (indikatif, skala IKM): {value} – mutu {grade} ({label})',
  reportLineIkmNone: 'Indeks kepuasan: belum ada penilaian minggu ini',
  reportIkmNote:
    'Indikatif: dihitung dari satu pertanyaan kepuasan, bukan survei IKM sembilan unsur ' +
    '(PermenPAN-RB Nomor 14 Tahun 2017).',
  reportLineCases:
    'Kasus pengaduan: {opened} dibuka, {resolved} diselesaikan ({rate} tepat waktu, median ' +
    '{median} hari kerja); {open} masih terbuka, {overdue} terlambat di akhir minggu',
  reportLineCasesBy:
    'Kasus per bidang (dibuka/selesai/terbuka/terlambat): {bidang}. Per kategori: {category}',
  reportLineCaseRatings:
    'Penilaian kasus (terpisah dari penilaian obrolan): {count} penilaian, rata-rata {mean} ' +
    '(per nilai {levels})',
  reportLineCaseRatingsNone: 'Penilaian kasus: belum ada penilaian minggu ini',
  reportLineContent:
    'Konten: {publications} terbitan, {views} tayangan, {likes} suka, {comments} komentar, ' +
    '{liveViewers} penonton live, {questions} pertanyaan',
  reportLineTasks: 'Tugas konten: {late} terlambat, {notDone} belum dikerjakan',
  reportNoData: 'Tidak ada data',
  reportLineManual: 'Dicatat manual (telepon, datang langsung, Instagram DM, email, lainnya): {count}',
  reportLineTrend: 'Dibanding rata-rata 4 minggu sebelumnya: sesi {sessions}, pengaduan {complaints}',
  reportTrendUnknown: 'belum ada pembanding',
  reportTitle: 'Laporan Mingguan HALO KOP-UKM – Minggu {week}',
  reportSubtitle: '{range} · dibuat {at}',
  reportRange: '{from} s.d. {to}',
  reportColItem: 'Uraian',
  reportColValue: 'Nilai',
  reportColCount: 'Jumlah',
  reportColJenis: 'Jenis',
  reportColBidang: 'Bidang',
  reportColTopic: 'Topik',
  reportColChannel: 'Kanal',
  reportColDay: 'Hari',
  reportNoBidang: '(tanpa bidang)',
  reportNoTopic: '(tanpa topik)',
  reportSectionSummary: 'Ringkasan',
  reportRowSessions: 'Jumlah sesi (konsultasi dan pengaduan)',
  reportRowComplaints: 'Pengaduan',
  reportRowComplaintsBidang: 'Pengaduan bidang {bidang}',
  reportRowConsultations: 'Konsultasi',
  reportRowBidang: 'Bidang {bidang}',
  reportRowInHours: 'Dalam jam layanan',
  reportRowOutOfHours: 'Di luar jam layanan',
  reportRowWhatsApp: 'Melalui WhatsApp',
  reportRowManual: 'Dicatat manual (telepon, datang langsung, Instagram DM, email, lainnya)',
  reportRowUnclassified: 'Percakapan yang berhenti di menu (tidak dihitung sebagai sesi)',
  reportSectionJenisBidang: 'Sesi per Jenis dan Bidang',
  reportSectionTopics: 'Sesi per Jenis, Bidang dan Topik',
  reportSectionChannels: 'Sesi per kanal',
  reportSectionDays: 'Sesi per hari',
  reportSectionTimes: 'Waktu tunggu dan lama sesi WhatsApp (menit)',
  reportColMeasure: 'Ukuran',
  reportColSessions: 'Jumlah sesi',
  reportColMedian: 'Median',
  reportColP90: 'Persentil 90',
  reportRowWaitAll: 'Waktu tunggu jawaban pertama petugas (sejak pesan pertama)',
  reportRowWaitInHours: 'Waktu tunggu – sesi yang dimulai dalam jam layanan',
  reportRowLength: 'Lama sesi (sejak terhubung sampai selesai)',
  reportSectionEndings: 'Cara sesi berakhir',
  reportColClosedBy: 'Ditutup oleh',
  reportRowOpen: 'Belum berakhir',
  reportSectionRatings: 'Penilaian warga',
  reportSectionCases: 'Kasus pengaduan (tindak lanjut)',
  reportRowCasesOpened: 'Kasus dibuka',
  reportRowCasesResolved: 'Kasus diselesaikan',
  reportRowCasesOnTime: 'Diselesaikan tepat waktu',
  reportRowCasesOnTimePct: 'Tepat waktu (%)',
  reportRowCasesMedianDays: 'Median hari kerja penyelesaian',
  reportRowCasesOpen: 'Masih terbuka di akhir minggu',
  reportRowCasesOverdue: 'Terlambat di akhir minggu',
  reportColCasesOpened: 'Dibuka',
  reportColCasesResolved: 'Diselesaikan',
  reportColCasesOpen: 'Terbuka',
  reportColCasesOverdue: 'Terlambat',
  reportColCaseCategory: 'Kategori',
  reportCasesNone: 'Tidak ada kasus.',
  reportColCaseRating: 'Penilaian kasus',
  reportRowCaseRated: 'Kasus yang dinilai',
  reportRowCaseMean: 'Rata-rata penilaian kasus (1–4)',
  reportCaseRatingNote:
    'Penilaian kasus (NILAI <ID>) dihitung pada minggu kasusnya ditutup, terpisah dari penilaian obrolan.',
  reportColRating: 'Penilaian',
  reportRowAsked: 'Sesi yang diminta penilaian',
  reportRowRated: 'Sesi yang dinilai',
  reportRowResponseRate: 'Tingkat respons penilaian',
  reportRowMean: 'Rata-rata penilaian (1–4)',
  reportRowIkm: 'Indeks kepuasan, skala IKM (indikatif)',
  reportRowIkmBand: 'Mutu pelayanan (indikatif)',
  reportSectionContent: 'Konten Instagram dan TikTok',
  reportColPlatform: 'Platform',
  reportColItems: 'Konten diukur',
  reportColViews: 'Tayangan',
  reportColLikes: 'Suka',
  reportColComments: 'Komentar',
  reportColShares: 'Dibagikan',
  reportColSaves: 'Disimpan',
  reportColLiveViewers: 'Penonton live',
  reportColQuestions: 'Pertanyaan',
  reportColEngagement: 'Tingkat interaksi',
  reportRowTotal: 'Jumlah',
  reportContentNote:
    'Untuk setiap konten dihitung angka terakhir yang dicatat di lembar Metrik pada minggu ini. ' +
    'Tingkat interaksi = (suka + komentar + disimpan + dibagikan) / tayangan.',
  reportSectionPublications: 'Publikasi minggu ini',
  reportColContentId: 'ID Konten',
  reportColPublishDate: 'Tanggal terbit',
  reportColTheme: 'Tema',
  reportColStatus: 'Status',
  reportSectionTasks: 'Tugas konten yang terlambat atau belum selesai',
  reportTasksSummary:
    'Tugas yang jatuh tempo minggu ini: {due} (tepat waktu {onTime}, terlambat {late}, belum selesai {notDone})',
  reportColState: 'Keadaan',
  reportColTask: 'Tugas',
  reportColTeam: 'Tim',
  reportColDue: 'Jatuh tempo',
  reportColDone: 'Selesai',
  reportTaskLate: 'Terlambat',
  reportTaskNotDone: 'Belum selesai',
  reportSectionTrend: 'Tren lima minggu',
  reportColWeek: 'Minggu',
  reportColOutOfHours: 'Di luar jam',
  reportColMedianWait: 'Median tunggu (menit)',
  reportColMeanRating: 'Rata-rata penilaian',
  reportColIkm: 'IKM (indikatif)',
  reportRowPreviousMean: 'Rata-rata 4 minggu sebelumnya',
  reportRowChange: 'Perubahan minggu ini',
  reportChartDays: 'Sesi per hari',
  reportChartJenisBidang: 'Sesi per Jenis dan Bidang',
  reportChartRatings: 'Sebaran penilaian warga',
  reportChartTrend: 'Tren sesi dan pengaduan, lima minggu',
  reportPromptTitle: 'Laporan mingguan',
  reportPromptText:
    'Minggu yang dilaporkan, format TTTT-Wmm (misalnya {example}). Kosongkan untuk minggu lalu ({example}).',
  reportInvalidWeek: 'Minggu "{value}" tidak valid. Gunakan format TTTT-Wmm, misalnya {example}.',
  reportFutureWeek: 'Minggu {week} belum dimulai, jadi belum dapat dilaporkan.',
  reportDone: 'Laporan {week} selesai: lembar "{sheetName}" dan satu baris di Rekap Mingguan. {mail}',
  reportMailSent: 'Email terkirim ke {count} penerima.',
  reportMailNone:
    'Email tidak dikirim: belum ada penerima. Isi grup Pelaporan di lembar Penanggung Jawab atau ' +
    '"Email Tim Pelaporan" di Pengaturan.',
  reportMailFailed: 'Email laporan {week} gagal dikirim: {reason}',
  reportPdfFailed: 'PDF laporan {week} tidak dapat dibuat ({reason}); email dikirim tanpa lampiran.',
  reportEmailNoPdf:
    'Catatan: lampiran PDF tidak dapat dibuat kali ini; buka lembar "{sheetName}" melalui tautan di atas.',
  reportJobSummary: 'Laporan {week}: {sessions} sesi, {recipients} penerima email',
  reportJobBaseline: 'Laporan mingguan dijadwalkan; berikutnya {next}',

  // ---- Setup and settings (sidebar, dialogs) ----
  setupDone: 'Spreadsheet siap: {created} lembar dibuat, {repaired} lembar diperbaiki.',
  setupTriggerOther:
    'Pemicu otomatis (tick) tidak dipasang atas nama Anda: layanan berjalan dengan pemicu milik {owner}. Satu pemicu saja yang boleh ada; pemicu kedua akan menjalankan semua tugas dua kali, memakai kuota Anda, dan mengirim email atas nama Anda.',
  sidebarTriggerOwner: 'Pemicu otomatis (tick) berjalan atas nama {owner}.',
  sidebarTriggerMine: 'Pemicu otomatis (tick) berjalan atas nama Anda ({owner}).',
  sidebarTriggerNone:
    'Pemicu otomatis (tick) belum dipasang: jalankan "Siapkan spreadsheet" dengan akun yang memasang aplikasi web.',
  settingsSaved: 'Pengaturan tersimpan.',
  settingsInvalidTime:
    'Nilai "{value}" untuk {key} bukan jam yang valid. Gunakan format JJ:MM, misalnya 07:00.',
  settingsCloseBeforeOpen: 'Jam tutup ({close}) harus lebih akhir daripada jam buka ({open}).',
  settingsInvalidEmail: 'Alamat email "{value}" tidak valid.',
  settingsInvalidNumber: 'Nilai "{value}" untuk {key} harus berupa angka {min}–{max}.',
  settingsInvalidDate: 'Tanggal "{value}" tidak valid. Gunakan format TTTT-BB-HH, misalnya 2026-12-25.',
  settingsInvalidWorkDays: 'Hari kerja "{value}" tidak dikenali. Contoh yang benar: Senin-Jumat, atau 1-5.',
  settingsInvalidWeekday: 'Hari "{value}" untuk {key} tidak dikenali. Contoh: Minggu, atau 7.',
  settingsInvalidTimeZone:
    'Zona waktu "{value}" tidak dikenali. Gunakan Asia/Jakarta, Asia/Makassar, atau Asia/Jayapura.',
  settingsInvalidChoice: 'Nilai "{value}" untuk {key} harus salah satu dari: {choices}.',
  settingsInvalidPhone: 'Nomor WhatsApp "{value}" tidak valid.',
  settingsTokenMissing:
    'Token API {provider} belum diisi. Buka menu HALO KOP-UKM ▸ Pengaturan untuk mengisinya.',
  settingsWebhookKeyMissing:
    'Kunci webhook belum dibuat. Buka menu HALO KOP-UKM ▸ Pengaturan lalu simpan sekali lagi.',
  settingsGroupEmpty: 'Grup {group} belum memiliki petugas aktif.',
  settingsOverridePlaceholders:
    'Teks "{key}" tidak memuat {missing}. Bagian itu wajib ada agar pesan tetap lengkap.',

  settingsProviderInvalid: 'Pilih penyedia WhatsApp: Cloud API (Meta) atau Fonnte.',
  settingsPhoneNumberIdInvalid:
    'ID nomor telepon (Phone Number ID) harus berupa 5–30 angka, sesuai yang tertera di WhatsApp Manager.',
  settingsVerifyTokenShort: 'Token verifikasi minimal 8 karakter.',
  settingsTokenSpaces: 'Token tidak boleh mengandung spasi. Salin ulang token tanpa spasi atau baris baru.',
  webhookUrlMissing:
    'Alamat webhook belum tersedia. Terapkan (deploy) skrip sebagai aplikasi web terlebih dahulu.',

  // ---- Sidebar and dialogs ----
  sidebarTitle: 'HALO KOP-UKM',
  settingsTitle: 'Pengaturan HALO KOP-UKM',
  helpText:
    'HALO KOP-UKM – Halaman Konsultasi Koperasi dan UKM\n\n' +
    '• Buka panel: daftar sesi WhatsApp, menjawab warga, dan mencatat metrik konten.\n' +
    '• Siapkan spreadsheet: membuat atau memperbaiki semua lembar tanpa menghapus data.\n' +
    '• Pengaturan: jam layanan, penyedia WhatsApp, zona waktu, dan jadwal laporan.\n' +
    '• Laporan mingguan sekarang: membuat laporan minggu lalu dan mengirimkannya ke Tim Pelaporan.\n' +
    '• Rencanakan konten: mengisi Kalender Konten dan Tugas dari Bank Topik.\n' +
    '• Arsipkan data lama: memindahkan sesi dan pesan yang lebih tua dari "Retensi Data (bulan)" ke ' +
    'spreadsheet arsip tahunan (juga berjalan otomatis setiap bulan).\n' +
    '• Data warga: menemukan semua data seorang warga (nomor atau ID pengguna) atas permintaannya, ' +
    'dan menghapusnya bila diminta.\n\n' +
    'Petugas dan alamat emailnya diatur di lembar Penanggung Jawab; hari libur di lembar Hari Libur.',
  apiForbidden:
    'Maaf, panel HALO KOP-UKM hanya dapat digunakan oleh anggota tim yang dapat menyunting spreadsheet ini.',
  apiUnknown: 'Permintaan "{name}" tidak dikenal.',
  apiFailed: 'Permintaan gagal diproses: {reason}',

  // ---- Sidebar: inbox, conversation, records, kit (issue 5) ----
  sidebarSessionUnknown: 'Sesi {sessionId} tidak ditemukan.',
  sidebarSessionClosed: 'Sesi {sessionId} sudah berakhir ({closedBy}). Pesan tidak dikirim.',
  sidebarSessionNotOpen: 'Sesi {sessionId} sudah berakhir.',
  sidebarReplyEmpty: 'Tulis pesan terlebih dahulu.',
  sidebarReplyTooLong: 'Pesan terlalu panjang: {count} karakter (maksimal {max}).',
  sidebarClaimed: 'Sesi {sessionId} ditangani oleh {officer}. Tetap kirim?',
  sidebarHandoverUnknownGroup: 'Grup "{group}" tidak dikenal.',
  sidebarHandoverEnded:
    'Sesi {sessionId} sudah berakhir dan tidak memiliki kasus yang masih terbuka, jadi tidak dapat dialihkan.',
  sidebarHandoverSameGroup: 'Sesi {sessionId} sudah berada di grup {group}.',
  sidebarAttachmentTooLarge: 'Berkas terlalu besar: {size} (maksimal {max}).',
  sidebarAttachmentType: 'Jenis berkas "{mime}" tidak dapat dikirim lewat WhatsApp.',
  sidebarAttachmentMissing: 'Lampiran tidak ditemukan.',
  sidebarAttachmentFonnte:
    'Pengiriman berkas dari panel belum tersedia untuk Fonnte: Fonnte hanya menerima berkas lewat ' +
    'tautan publik, sedangkan lampiran HALO KOP-UKM tidak dibagikan ke siapa pun.',
  sidebarNoteTooLong: 'Catatan terlalu panjang: {count} karakter (maksimal {max}).',
  sidebarTaskNotFound: 'Tugas tidak ditemukan (mungkin baris sudah berubah). Muat ulang daftar tugas.',
  fieldRequired: '{key} wajib diisi.',
  fieldChoice: '{key} harus salah satu dari: {choices}.',
  fieldDate: '{key} tidak valid. Gunakan format TTTT-BB-HH, misalnya 2026-05-04.',
  fieldDateTime: '{key} tidak valid. Gunakan tanggal dan jam, misalnya 2026-05-04 10:30.',
  fieldFuture: '{key} tidak boleh di masa depan.',
  fieldCount: '{key} harus bilangan bulat 0 atau lebih.',
  fieldTooLong: '{key} terlalu panjang (maksimal {max} karakter).',
  metricsEmpty: 'Isi minimal satu angka metrik.',
  kitNumberMissing:
    'Nomor Layanan WhatsApp belum diisi. Isi kunci "Nomor Layanan WhatsApp" di lembar Pengaturan, ' +
    'misalnya 6281234567890.',
  kitNumberInvalid: 'Nomor Layanan WhatsApp "{value}" tidak valid. Contoh yang benar: 6281234567890.',

  // ---- Sidebar: capacity, speakers, citizen data (issues 7 and 8) ----
  sidebarCapacityMeter: 'Kapasitas spreadsheet: {rate} dari {max} sel',
  sidebarCapacityCells: '{total} sel terpakai · diukur {time}',
  sidebarCapacityOk: 'Aman. Belum ada yang perlu dilakukan.',
  sidebarCapacityWarning:
    'Waspada: lebih dari 70 % terpakai. Jalankan menu HALO KOP-UKM ▸ Arsipkan data lama dalam minggu ini, ' +
    'atau kurangi "Retensi Data (bulan)" di Pengaturan.',
  sidebarCapacityCritical:
    'Kritis: lebih dari 85 % terpakai. Segera jalankan menu HALO KOP-UKM ▸ Arsipkan data lama. Bila batas ' +
    'tercapai, pesan WhatsApp baru tidak dapat dicatat lagi.',
  sidebarCapacityFailed: 'Kapasitas spreadsheet gagal diukur: {reason}',
  sidebarQuotaTitle: 'Kuota harian akun Google ({account})',
  sidebarQuotaMail: 'Email: {used} dari {max} penerima',
  sidebarQuotaUrlFetch: 'Pesan WhatsApp (UrlFetch): {used} dari {max} panggilan',
  sidebarQuotaTrigger: 'Waktu jalan pemicu: {used} dari {max} menit',
  sidebarQuotaProperties: 'Script Properties: {used} dari {max} KB (batas Google 500 KB)',
  sidebarQuotaRenews: 'pulih {time}',
  sidebarQuotaFresh: 'belum terpakai dalam 24 jam terakhir',
  sidebarSpeakersNext: 'Publikasi berikutnya',
  sidebarSpeakersPublication: '{contentId} · terbit {date} · tema {theme}',
  sidebarSpeakersCurrent: 'Narasumber di kalender: {name}',
  sidebarSpeakersNoCurrent: 'Belum ada narasumber di kalender.',
  sidebarSpeakersNone:
    'Tidak ada narasumber bertema {theme} yang belum tampil dalam 90 hari. Tambahkan di lembar Narasumber.',
  sidebarSpeakersLast: 'Terakhir tampil {date}',
  sidebarSpeakersNever: 'Belum pernah tampil',
  sidebarSpeakersContact: 'Status kontak: {label}',
  sidebarSpeakersFailed: 'Saran narasumber gagal dimuat: {reason}',
  sidebarPrivacySearching: 'Mencari data warga…',
  sidebarPrivacyFound: 'Data tersimpan untuk {value}: {total} baris.',
  sidebarPrivacyConfirm:
    'Penghapusan tidak dapat dibatalkan. Ketik ulang nomor atau ID pengguna yang dicari untuk mengonfirmasi.',
  sidebarPrivacyMismatch: 'Tidak sama dengan nomor atau ID pengguna yang dicari. Ketik ulang.',
  sidebarPrivacyDeleting: 'Menghapus data warga…',
  sidebarPrivacyFailed: 'Data warga gagal diproses: {reason}',

  // ---- Sheets menu (add-on) ----
  addonOpenSidebar: 'Buka panel',
  addonSetup: 'Siapkan spreadsheet',
  addonSettings: 'Pengaturan',
  addonReportNow: 'Laporan mingguan sekarang',
  addonPlanContent: 'Rencanakan konten',
  addonHelp: 'Bantuan',

  // ---- Data lifecycle and privacy (DESIGN §7) ----
  capacityLevelOk: 'aman',
  capacityLevelWarning: 'waspada',
  capacityLevelCritical: 'kritis',
  capacityLog:
    'Spreadsheet memakai {total} dari {max} sel ({rate}, {label}). Arsipkan data lama (menu HALO KOP-UKM ▸ ' +
    'Arsipkan data lama) atau kurangi "Retensi Data (bulan)" di Pengaturan.',
  capacityNoRecipients:
    'Peringatan kapasitas tidak dikirim lewat email: belum ada penerima. Isi grup Pelaporan di lembar ' +
    'Penanggung Jawab atau "Email Tim Pelaporan" di Pengaturan.',
  capacityMailFailed: 'Email peringatan kapasitas gagal dikirim: {reason}',
  capacityEmailSubject: '[HALO KOP-UKM] Kapasitas spreadsheet {rate} ({label})',
  capacityEmailBody:
    'Yth. Tim Pelaporan,\n\n' +
    'Spreadsheet HALO KOP-UKM kini memakai {total} dari batas {max} sel Google Sheets ({rate}, status ' +
    '{label}). Bila batas tercapai, pesan WhatsApp baru tidak dapat dicatat lagi.\n\n' +
    'Langkah yang disarankan:\n' +
    '• Jalankan menu HALO KOP-UKM ▸ Arsipkan data lama untuk memindahkan sesi dan pesan lama ke ' +
    'spreadsheet arsip.\n' +
    '• Bila perlu, kurangi "Retensi Data (bulan)" di lembar Pengaturan.\n\n' +
    'Spreadsheet: {spreadsheetUrl}\n\n' +
    'Pesan ini dikirim otomatis oleh HALO KOP-UKM.',
  archiveFileName: 'HALO KOP-UKM Arsip {year}',
  archiveDoneLog: 'Pengarsipan selesai: {count} pesan dan {sessions} sesi dipindahkan ke {title}.',
  archiveFilesLog:
    '{files} lampiran dari pesan yang diarsipkan dipindahkan ke folder Drive "{folder}" (tautannya tetap).',
  archiveFilesMissing:
    '{missing} lampiran dari pesan yang diarsipkan (batch {id}) tidak ditemukan di Drive; tautannya di arsip ' +
    'tidak dapat dibuka.',
  mediaArchiveFolder: 'Arsip {year}',
  archiveCreatedLog: 'Spreadsheet arsip "{title}" dibuat: {spreadsheetUrl}',
  archiveVerifyRetry: 'Salinan batch arsip {id} belum sama dengan data asli; disalin ulang.',
  archiveVerifyFailed:
    'Batch arsip {id} ({count} baris) tiga kali gagal diperiksa; baris tersebut tetap di tempatnya dan ' +
    'dicoba lagi pada pengarsipan berikutnya.',
  archiveMissing:
    'Spreadsheet arsip tahun {year} tidak dapat dibuka; batch {id} tidak dihapus dari data asli dan akan ' +
    'diarsipkan ulang.',
  archiveReopenFailed:
    'Spreadsheet arsip tahun {year} tidak dapat dibuka ({reason}); spreadsheet arsip baru dibuat.',
  archiveShareFailed: 'Spreadsheet arsip belum dapat dibagikan kepada penyunting: {reason}',
  archiveMenuProgress:
    'Pengarsipan berjalan: sejauh ini {count} pesan dan {sessions} sesi dipindahkan ke arsip. Sisanya ' +
    'dilanjutkan otomatis dalam beberapa menit.',
  archiveMenuDone:
    'Pengarsipan selesai: {count} pesan dan {sessions} sesi yang lebih tua dari {number} bulan dipindahkan ' +
    'ke arsip. Tautan arsip ada di lembar Pengaturan (Arsip).',
  archiveMenuNothing:
    'Tidak ada sesi atau pesan yang lebih tua dari {number} bulan; belum ada yang perlu diarsipkan.',
  addonArchive: 'Arsipkan data lama',
  addonCitizenData: 'Data warga (lihat/hapus)',
  privacyPromptTitle: 'Data warga',
  privacyPrompt:
    'Masukkan nomor WhatsApp (format apa saja, mis. 0812-3456-7890) atau ID pengguna WhatsApp warga yang ' +
    'meminta datanya:',
  privacyQueryInvalid: 'Masukkan nomor WhatsApp atau ID pengguna yang valid.',
  privacyNotFound: 'Tidak ada data tersimpan untuk {value}.',
  privacyFound:
    'Data tersimpan untuk {value}:\n{lines}\n\nHapus semua data ini? Penghapusan tidak dapat dibatalkan.',
  privacyLine: '• {title}: {count} baris (baris {detail})',
  privacyStateLine: '• Percakapan yang sedang berjalan: {count}',
  privacyQueueLine: '• Pesan dalam antrean kirim ulang: {count}',
  privacyDeleted: 'Data {value} telah dihapus ({total} baris).',
  privacyDeletedLog: 'Data warga {value} dihapus atas permintaan (oleh {by}): {lines}.',
  privacyConfirmRequired: 'Penghapusan data warga perlu dikonfirmasi.',

  // ---- Complaint cases (issue 14, DESIGN §8) ----
  caseUsage:
    'Perintah kasus: */kasus <ID> proses <catatan>*, */kasus <ID> selesai <jawaban>*, ' +
    '*/kasus <ID> tolak <alasan>* atau */kasus <ID> kategori ringan|normatif|tidak berkadar|berkadar*. ' +
    'Contoh: /kasus HK-2611-0042 proses Sedang kami konfirmasi ke pengurus koperasi.',
  caseUnknown: 'Kasus *{sessionId}* tidak ditemukan.',
  caseNotYours: 'Kasus *{sessionId}* bukan milik grup Anda ({group}); tidak ada yang diubah.',
  caseClosed: 'Kasus *{sessionId}* sudah {status}; tidak dapat diubah lagi.',
  caseNeedsText: 'Tuliskan {what} setelah perintah, misalnya: /kasus {sessionId} {action} <teks>.',
  caseBadCategory:
    'Kategori tidak dikenal. Pilih: ringan, normatif, tidak berkadar (pengawasan) atau berkadar (pengawasan).',
  caseUpdatedOfficer:
    'Kasus *{sessionId}*: {status} (kategori {category}, batas {deadline}). Kabar ke warga: {sent}.',
  caseCategoryChanged: 'Kasus *{sessionId}*: kategori {category}, batas baru {deadline}.',
  caseNoteDefault: 'Pengaduan Anda sedang kami tindak lanjuti.',
  caseToCitizen:
    'Kabar pengaduan *{sessionId}* (HALO KOP-UKM)\nStatus: *{status}*\n{note}\n\n' +
    'Batas penyelesaian: {deadline}. Ketik *STATUS {sessionId}* kapan saja untuk melihat perkembangannya.',
  caseRatingAsk:
    'Bagaimana penyelesaian pengaduan ini? Balas *NILAI {sessionId} 1*–*4* (1 Tidak membantu, ' +
    '2 Kurang membantu, 3 Cukup membantu, 4 Sangat membantu).',
  caseRatingThanks: 'Terima kasih atas penilaian Anda untuk pengaduan {sessionId}: {label}.',
  caseOpenedCitizen:
    'Pengaduan Anda kami catat sebagai kasus *{sessionId}* dengan batas penyelesaian {deadline}. ' +
    'Ketik *STATUS {sessionId}* kapan saja untuk melihat perkembangannya.',
  caseStatusAnswer:
    'Pengaduan *{sessionId}*\nStatus: *{status}*\nKabar terakhir: {note}\nBatas penyelesaian: {deadline}',
  caseStatusNoUpdate: 'belum ada',
  caseStatusUnknown:
    'Nomor pengaduan *{sessionId}* tidak kami temukan untuk nomor WhatsApp ini. Periksa kembali ' +
    'nomornya (contoh: STATUS HK-2611-0042).',
  caseSentYes: 'terkirim',
  caseSentTemplate: 'terkirim (template)',
  caseSentNo: 'tidak dikirim',
  caseSentQueued: 'antre: {reason}',
  caseSentFailed: 'gagal: {reason}',
  caseNoTemplate: 'gagal: di luar jendela 24 jam dan Nama Template Kasus belum diatur',
  caseReminderSubject: '[HALO KOP-UKM] Kasus {group}: {due} jatuh tempo, {overdue} terlambat',
  caseReminderBody:
    'Yth. Tim {group},\n\nKasus pengaduan yang perlu diselesaikan ({date}):\n\n{lines}\n\n' +
    'Perbarui kasus dari panel HALO KOP-UKM (tab Kasus) atau dengan WhatsApp: ' +
    '/kasus <ID> proses|selesai|tolak <catatan>.\n\nPesan ini dikirim otomatis oleh HALO KOP-UKM.',
  caseReminderLine: '• {sessionId} ({bidang}, {category}) – batas {deadline}: {left}',
  caseLeftDays: 'sisa {count} hari kerja',
  caseLeftToday: 'batas hari ini',
  caseLeftOverdue: 'terlambat {count} hari kerja',
  caseEscalationSubject: '[HALO KOP-UKM] Eskalasi kasus {sessionId}: terlambat {count} hari kerja',
  caseEscalationBody:
    'Yth. Tim Pelaporan,\n\nKasus {sessionId} ({group}, {category}) melewati batas {deadline} ' +
    'sebanyak {count} hari kerja, sama dengan waktu penyelesaiannya. Status: {status}.\n\n' +
    'Pesan ini dikirim otomatis oleh HALO KOP-UKM.',
  caseReminderWa: 'Kasus {group}: {due} jatuh tempo, {overdue} terlambat.\n{lines}',
  caseFollowUpMarked:
    'Sesi *{sessionId}* ditandai perlu tindak lanjut: menjadi kasus saat percakapan berakhir.',
  caseFollowUpOpened: 'Sesi *{sessionId}* kini menjadi kasus dengan batas {deadline}.',
  caseFollowUpNotConsultation: 'Sesi *{sessionId}* bukan konsultasi atau sudah menjadi kasus.',
  // ---- Storage and quota trouble on the webhook (issue 13) ----
  serviceTrouble:
    'Mohon maaf, sistem kami sedang mengalami gangguan. Pesan Anda sudah kami terima dan akan segera ' +
    'kami proses; Anda tidak perlu mengirim ulang.',
  troubleKindQuota: 'kuota harian Google habis',
  troubleKindStorage: 'batas penyimpanan tercapai',
  troubleKindLock: 'skrip sedang sibuk (kunci)',
  troubleKindService: 'gangguan layanan Google',
  troubleKindOther: 'kesalahan program',
  troubleKeptSheet: 'lembar Antrean Masuk',
  troubleKeptProperties: 'Script Properties',
  troubleKeptCache: 'cache',
  troubleKeptNowhere: 'tidak dapat disimpan (lihat log eksekusi)',
  troubleLog:
    'Pesan WhatsApp tidak dapat diproses saat diterima ({label}: {reason}). {count} pesan disimpan di ' +
    '{where} dan diproses ulang otomatis.',
  troubleEmailSubject: '[HALO KOP-UKM] Gangguan sistem: {label}',
  troubleEmailBody:
    'HALO KOP-UKM mengalami gangguan pada {at}.\n\n{label}: {reason}\n\n{count} pesan warga disimpan ' +
    '({where}) dan akan diproses ulang otomatis oleh pemicu tiap menit; warga sudah menerima pesan ' +
    'permohonan maaf. Rincian ada di lembar Log Sistem:\n{spreadsheetUrl}\n\nEmail ini dikirim paling ' +
    'banyak sekali dalam satu jam.',
  backlogDoneLog: '{count} pesan tertunda diproses ulang (sebelumnya: {reason}).',
  backlogRetryLog:
    '{count} pesan tertunda belum dapat diproses (percobaan ke-{number}): {reason}. Dicoba lagi pada ' +
    'pemicu berikutnya.',
  backlogGaveUpLog:
    '{count} pesan tertunda gagal diproses setelah {number} percobaan dan tidak dicoba lagi: {reason}. ' +
    'Pengirim: {detail}',

  // ---- Daily quotas of the Google account (issue 13) ----
  outboxFull: 'antrean kirim ulang penuh',
  urlFetchQuotaLog: 'Kuota UrlFetch terpakai {used} dari {max} panggilan dalam 24 jam: {detail}.',
  urlFetchQuotaReceipts: 'tanda dibaca (centang biru) tidak dikirim sampai kuota pulih',
  urlFetchQuotaBroadcast: 'siaran dijeda sampai kuota pulih (sisa kuota untuk balasan dan petugas)',
  urlFetchQuotaNotify: 'pemberitahuan petugas lewat WhatsApp diantre sampai kuota pulih',
  urlFetchQuotaReply: 'pesan ke warga diantre dan dikirim otomatis begitu kuota pulih',
  mailQuotaLog:
    'Kuota email hampir habis ({used} dari {max} penerima dalam 24 jam, akun {account}): {detail}.',
  mailQuotaOfficer:
    'pemberitahuan petugas kini dikirim lewat WhatsApp; yang tidak dapat dikirim dikumpulkan untuk ' +
    'ringkasan email berikutnya',
  mailQuotaReminder: 'pengingat dan pemberitahuan lain dikumpulkan untuk ringkasan email berikutnya',
  mailQuotaReport: 'laporan mingguan belum dapat dikirim lewat email; dicoba lagi begitu kuota pulih',
  accountConsumer: 'konsumen',
  accountWorkspace: 'Workspace',
  digestSubject: '[HALO KOP-UKM] Ringkasan pemberitahuan yang tertunda ({count})',
  digestBody:
    'Kuota email harian akun Google layanan sempat habis, sehingga {count} pemberitahuan berikut tidak ' +
    'terkirim lewat email:\n\n{lines}{more}\n\nBuka spreadsheet: {spreadsheetUrl}',
  digestMore: '\n… dan {count} lainnya',
  digestOfficerLine: '• {time} – sesi {sessionId} ({jenis} {bidang}, {topic}) dari {name}',
  digestLog: 'Ringkasan email: {count} pemberitahuan yang tertunda dikirim ke {recipients} penerima.',
  digestKeptLog: 'Pemberitahuan email untuk {to} dikumpulkan untuk ringkasan berikutnya (kuota email habis).',
  triggerQuotaLog:
    'Waktu jalan pemicu terpakai {used} dari {max} menit dalam 24 jam: tugas terjadwal yang tidak ' +
    'mendesak ditunda sampai kuota pulih.',

  // ---- Generic ----
  errorGeneric:
    'Maaf, terjadi gangguan pada sistem kami. Silakan coba beberapa saat lagi. Mohon maaf atas ' +
    'ketidaknyamanannya.',
  errorStaff: 'Terjadi kesalahan: {detail}',
  health: 'HALO KOP-UKM aktif.',
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** Text overrides by key (from the spreadsheet); empty strings fall back to the default. */
export type MessageOverrides = Partial<Record<MessageKey, string>>;

/** Labels for media messages, used in `mediaReceived`. */
export const MEDIA_LABELS: Readonly<Record<string, string>> = {
  image: 'gambar',
  document: 'dokumen',
  audio: 'pesan suara',
  video: 'video',
  sticker: 'stiker',
  location: 'lokasi',
  contacts: 'kontak',
};

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The template for a key: the override when it is non-empty, the default otherwise. */
export function template(key: MessageKey, overrides?: MessageOverrides): string {
  const override = overrides ? overrides[key] : undefined;
  return typeof override === 'string' && override.trim() !== '' ? override : MESSAGES[key];
}

/**
 * Renders a message. Unknown placeholders (no value given) are left visible, so a mistake in a
 * template or a call shows in the text instead of silently disappearing.
 */
export function render(
  key: MessageKey,
  vars?: Record<string, string | number>,
  overrides?: MessageOverrides,
): string {
  return fill(template(key, overrides), vars);
}

/** Fills `{name}` placeholders of any template string. */
export function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(PLACEHOLDER, (whole: string, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/** The placeholder names in a template, in order of first appearance. */
export function placeholdersOf(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (!names.includes(match[1])) names.push(match[1]);
  }
  return names;
}

/** The placeholders a key's default template uses (what a caller must supply). */
export function placeholders(key: MessageKey): string[] {
  return placeholdersOf(MESSAGES[key]);
}

/** Checks a staff override: placeholders of the default it lacks, and ones it adds. */
export function overrideProblems(key: MessageKey, text: string): { missing: string[]; unknown: string[] } {
  const expected = placeholders(key);
  const found = placeholdersOf(text);
  return {
    missing: expected.filter((name) => !found.includes(name)),
    unknown: found.filter((name) => !expected.includes(name)),
  };
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, value);
}

export function dayName(weekday: number): string {
  return HARI[weekday] ?? '';
}

export function monthName(month: number): string {
  return BULAN[month] ?? '';
}

/** Joins items the Indonesian way: "a", "a dan b", "a, b dan c". */
export function joinList(items: readonly string[], overrides?: MessageOverrides): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + template('listJoinLast', overrides) + items[items.length - 1];
}
