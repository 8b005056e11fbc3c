import { matchGroup, parseHandoverCommand } from '../../../src/domain/handover';
import {
  cleanQuickReplies,
  fillQuickReply,
  findQuickReply,
  parseQuickReplyCommand,
  searchQuickReplies,
} from '../../../src/domain/quick-replies';

describe('matchGroup', () => {
  it.each([
    ['Konsultasi UKM', 'Konsultasi UKM'],
    ['konsultasi ukm', 'Konsultasi UKM'],
    ['  KONSUL-UKM ', 'Konsultasi UKM'],
    ['konsultasiukm', 'Konsultasi UKM'],
    ['UKM konsultasi', 'Konsultasi UKM'],
    ['aduan koperasi', 'Pengaduan Koperasi'],
    ['Pengaduan Kop', 'Pengaduan Koperasi'],
    ['pengaduan umkm', 'Pengaduan UKM'],
  ])('%s → %s', (input, group) => expect(matchGroup(input)?.group).toBe(group));

  it.each(['Humas', 'Pelaporan', 'ukm', '', 'konsultasi ukm lain', 'konsultasi pengaduan'])(
    '%s → null',
    (input) => expect(matchGroup(input)).toBeNull(),
  );
});

describe('commands', () => {
  it('parses /alihkan with and without an id', () => {
    expect(parseHandoverCommand('/alihkan HK-2612-0001 Konsultasi UKM')).toEqual({
      sessionId: 'HK-2612-0001',
      group: 'Konsultasi UKM',
    });
    expect(parseHandoverCommand('/alihkan pengaduan ukm')).toEqual({ sessionId: '', group: 'pengaduan ukm' });
    expect(parseHandoverCommand('alihkan ke ukm')).toBeNull();
  });

  it('parses /j <kode> [<ID>]', () => {
    expect(parseQuickReplyCommand('/j nib')).toEqual({ code: 'nib', sessionId: '' });
    expect(parseQuickReplyCommand('/J syarat koperasi hk-2612-0001')).toEqual({
      code: 'syarat koperasi',
      sessionId: 'HK-2612-0001',
    });
    expect(parseQuickReplyCommand('/j')).toEqual({ code: '', sessionId: '' });
    expect(parseQuickReplyCommand('/jadwal')).toBeNull();
  });
});

describe('quick replies', () => {
  const list = cleanQuickReplies([
    { code: 'NIB', title: 'Cara mengurus NIB', body: 'Halo {nama}', group: '' },
    { code: 'nib', title: 'duplicate', body: 'x', group: '' },
    { code: '', title: 'no code', body: 'x', group: '' },
    { code: 'kop', title: 'Syarat pendirian koperasi', body: 'Sesi {ID}', group: 'Konsultasi Koperasi' },
    { code: 'aduan', title: 'Pengaduan', body: 'y', group: 'Pengaduan UKM' },
  ]);

  it('keeps the first row of each code; finds codes forgivingly', () => {
    expect(list.map((r) => r.code)).toEqual(['NIB', 'kop', 'aduan']);
    expect(findQuickReply(list, ' #nib ')?.title).toBe('Cara mengurus NIB');
    expect(findQuickReply(list, 'none')).toBeUndefined();
  });

  it('searches by code or title within the group and the shared ones', () => {
    expect(searchQuickReplies(list, 'koperasi').map((r) => r.code)).toEqual(['kop']);
    expect(searchQuickReplies(list, '', 'Konsultasi Koperasi').map((r) => r.code)).toEqual(['kop', 'NIB']);
  });

  it('fills the known variables once, leaves the others', () => {
    expect(fillQuickReply('{nama} {ID} {x} { id }', { nama: '{id}', id: 'HK-1' })).toBe('{id} HK-1 {x} HK-1');
  });
});
