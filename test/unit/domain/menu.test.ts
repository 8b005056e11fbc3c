import {
  initialMenu,
  isEndCommand,
  isRestartCommand,
  isSubscribeCommand,
  isUnsubscribeCommand,
  type MenuState,
  menuChoices,
  menuInput,
  menuText,
  TOPICS,
} from '../../../src/domain/menu';

const bidangStep: MenuState = { step: 'bidang', jenis: 'Konsultasi' };
const topikUkm: MenuState = { step: 'topik', jenis: 'Pengaduan', bidang: 'UKM' };
const topikKoperasi: MenuState = { step: 'topik', jenis: 'Konsultasi', bidang: 'Koperasi' };

describe('menu steps (SOP 000 V.4–V.7)', () => {
  it('starts at the jenis step', () => {
    expect(initialMenu()).toEqual({ step: 'jenis' });
  });

  it("accepts '1.' and 'konsultasi' as the first choice", () => {
    for (const text of [
      '1',
      ' 1.',
      '1)',
      '(1)',
      'nomor 1',
      '#1',
      'satu',
      'konsultasi',
      'KONSULTASI',
      '1. Konsultasi',
      '1\ufe0f\u20e3',
    ]) {
      expect(menuInput(initialMenu(), { text })).toEqual({
        kind: 'ask',
        state: { step: 'bidang', jenis: 'Konsultasi' },
        invalid: false,
      });
    }
  });

  it("accepts '2', '(2)' and 'Pengaduan' as the second choice", () => {
    for (const text of ['2', '(2)', ' 2 ', 'Pengaduan', 'aduan', 'saya mau mengadu']) {
      const outcome = menuInput(initialMenu(), { text });
      expect(outcome).toMatchObject({ kind: 'ask', state: { step: 'bidang', jenis: 'Pengaduan' } });
    }
  });

  it('accepts koperasi and ukm by number or name at the bidang step', () => {
    expect(menuInput(bidangStep, { text: '1' })).toMatchObject({
      state: { step: 'topik', jenis: 'Konsultasi', bidang: 'Koperasi' },
    });
    expect(menuInput(bidangStep, { text: 'ukm' })).toMatchObject({
      state: { step: 'topik', jenis: 'Konsultasi', bidang: 'UKM' },
    });
    expect(menuInput(bidangStep, { text: 'UMKM' })).toMatchObject({ state: { bidang: 'UKM' } });
  });

  it('finishes with the topic chosen by number or name', () => {
    expect(menuInput(topikUkm, { text: '6' })).toEqual({
      kind: 'done',
      jenis: 'Pengaduan',
      bidang: 'UKM',
      topik: 'Pasar/Promosi usaha',
    });
    expect(menuInput(topikUkm, { text: 'izin usaha' })).toMatchObject({ topik: 'Izin usaha' });
    expect(menuInput(topikUkm, { text: 'Pasar' })).toMatchObject({ topik: 'Pasar/Promosi usaha' });
    expect(menuInput(topikUkm, { text: 'pasar/promosi usaha' })).toMatchObject({
      topik: 'Pasar/Promosi usaha',
    });
    expect(menuInput(topikUkm, { text: '8' })).toMatchObject({ topik: 'Lainnya' });
    expect(menuInput(topikKoperasi, { text: '2' })).toMatchObject({ topik: 'SHU' });
    expect(menuInput(topikKoperasi, { text: 'rapat anggota' })).toMatchObject({ topik: 'Rapat anggota' });
    expect(menuInput(topikKoperasi, { text: 'anggota' })).toMatchObject({ topik: 'Keanggotaan' });
  });

  it('numbers the eight UKM topics 1–8 and the four Koperasi topics 1–4', () => {
    expect(TOPICS.UKM).toHaveLength(8);
    expect(TOPICS.Koperasi).toEqual(['Keanggotaan', 'SHU', 'Rapat anggota', 'Lainnya']);
    expect(menuInput(topikUkm, { text: '9' })).toMatchObject({ kind: 'ask', invalid: true });
    expect(menuInput(topikKoperasi, { text: '5' })).toMatchObject({ kind: 'ask', invalid: true });
  });

  it('marks anything else invalid and stays on the same step', () => {
    for (const text of ['', 'halo', '3', '12', '1.5', 'koperasi', '1 pengaduan']) {
      expect(menuInput(initialMenu(), { text })).toEqual({
        kind: 'ask',
        state: { step: 'jenis' },
        invalid: true,
      });
    }
    expect(menuInput(topikUkm, { text: 'terima kasih banyak ya' })).toEqual({
      kind: 'ask',
      state: topikUkm,
      invalid: true,
    });
  });

  it('does not search long messages for option names', () => {
    const long = 'selamat pagi saya ingin bertanya tentang cara mendirikan koperasi di desa kami';
    expect(menuInput(initialMenu(), { text: long })).toMatchObject({ invalid: true });
  });

  it('goes back one step with 0 and stays at the first step', () => {
    expect(menuInput(topikUkm, { text: '0' })).toEqual({
      kind: 'ask',
      state: { step: 'bidang', jenis: 'Pengaduan' },
      invalid: false,
      nav: 'back',
    });
    expect(menuInput(bidangStep, { text: ' 0. ' })).toMatchObject({ state: { step: 'jenis' }, nav: 'back' });
    expect(menuInput(initialMenu(), { text: '0' })).toMatchObject({
      state: { step: 'jenis' },
      invalid: false,
    });
    expect(menuInput(topikUkm, { text: 'kembali' })).toMatchObject({ nav: 'back' });
  });

  it("restarts with 'menu' in any case", () => {
    for (const text of ['menu', 'MENU', 'Menu', ' menu. ']) {
      expect(menuInput(topikUkm, { text })).toEqual({
        kind: 'ask',
        state: { step: 'jenis' },
        invalid: false,
        nav: 'restart',
      });
    }
  });

  it('accepts interactive choice ids of the current step only', () => {
    expect(menuInput(initialMenu(), { choiceId: 'jenis:2', text: 'Pengaduan' })).toMatchObject({
      state: { step: 'bidang', jenis: 'Pengaduan' },
    });
    expect(menuInput(topikUkm, { choiceId: 'topik:UKM:6' })).toMatchObject({ topik: 'Pasar/Promosi usaha' });
    expect(menuInput(topikUkm, { choiceId: 'topik:Koperasi:1' })).toMatchObject({ invalid: true });
    expect(menuInput(initialMenu(), { choiceId: 'bidang:1' })).toMatchObject({ invalid: true });
    expect(menuInput(topikUkm, { choiceId: 'nav:back' })).toMatchObject({ nav: 'back' });
    expect(menuInput(topikUkm, { choiceId: 'nav:menu' })).toMatchObject({ nav: 'restart' });
  });

  it('repairs an inconsistent state instead of failing', () => {
    expect(menuInput({ step: 'topik' }, { text: '1' })).toMatchObject({
      state: { step: 'bidang', jenis: 'Konsultasi' },
    });
  });
});

describe('menu choices', () => {
  it('gives stable machine-readable ids', () => {
    expect(menuChoices(initialMenu())).toEqual([
      { id: 'jenis:1', title: 'Konsultasi' },
      { id: 'jenis:2', title: 'Pengaduan' },
    ]);
    expect(menuChoices(bidangStep).map((c) => c.id)).toEqual(['bidang:1', 'bidang:2']);
    expect(menuChoices(topikUkm)[5]).toEqual({ id: 'topik:UKM:6', title: 'Pasar/Promosi usaha' });
    expect(menuChoices(topikKoperasi).map((c) => c.id)).toEqual([
      'topik:Koperasi:1',
      'topik:Koperasi:2',
      'topik:Koperasi:3',
      'topik:Koperasi:4',
    ]);
  });

  it('keeps every title within the 24 characters of a WhatsApp list row', () => {
    for (const state of [initialMenu(), bidangStep, topikUkm, topikKoperasi]) {
      for (const choice of menuChoices(state)) expect(choice.title.length).toBeLessThanOrEqual(24);
    }
  });
});

describe('menu texts', () => {
  it('numbers the choices with "Ketik"', () => {
    const text = menuText(initialMenu(), { greeting: true });
    expect(text).toContain('HALO KOP-UKM');
    expect(text).toContain('Ketik *1* – Konsultasi');
    expect(text).toContain('Ketik *2* – Pengaduan');
  });

  it('lists all eight UKM topics and offers back and restart after step 1', () => {
    const text = menuText(topikUkm);
    for (let i = 1; i <= 8; i += 1) expect(text).toContain(`Ketik *${i}* – ${TOPICS.UKM[i - 1]}`);
    expect(text).toContain('*0*');
    expect(text).toContain('*MENU*');
    expect(menuText(initialMenu())).not.toContain('*0*');
  });

  it('repeats the choices in the short invalid hint', () => {
    const text = menuText(bidangStep, { invalid: true });
    expect(text).toContain('Maaf');
    expect(text).toContain('Ketik *1* – Koperasi');
    expect(text).toContain('Ketik *2* – UKM');
  });

  it('uses overrides and leaves no placeholder', () => {
    const text = menuText(topikKoperasi, { overrides: { menuTopikKoperasi: 'Topik {jenis}:\n{choices}' } });
    expect(text.startsWith('Topik Konsultasi:\nKetik *1* – Keanggotaan')).toBe(true);
    for (const state of [initialMenu(), bidangStep, topikUkm, topikKoperasi]) {
      expect(menuText(state)).not.toMatch(/\{\w+\}/);
      expect(menuText(state, { invalid: true })).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('commands', () => {
  it('recognises selesai to end a session', () => {
    for (const text of ['selesai', 'SELESAI', 'selesai.', 'Selesai!']) expect(isEndCommand(text)).toBe(true);
    expect(isEndCommand('belum selesai pak, masih ada pertanyaan')).toBe(false);
    expect(isEndCommand(undefined)).toBe(false);
  });

  it('recognises MENU to restart', () => {
    expect(isRestartCommand('MENU')).toBe(true);
    expect(isRestartCommand('menu utama')).toBe(true);
    expect(isRestartCommand('menunggu')).toBe(false);
  });

  it('recognises DAFTAR and BERHENTI (also STOP) for broadcasts', () => {
    expect(isSubscribeCommand('DAFTAR')).toBe(true);
    expect(isSubscribeCommand('daftar')).toBe(true);
    expect(isSubscribeCommand('daftar koperasi baru')).toBe(false);
    expect(isUnsubscribeCommand('BERHENTI')).toBe(true);
    expect(isUnsubscribeCommand('STOP')).toBe(true);
    expect(isUnsubscribeCommand('stop.')).toBe(true);
    expect(isUnsubscribeCommand('jangan berhenti')).toBe(false);
  });
});
