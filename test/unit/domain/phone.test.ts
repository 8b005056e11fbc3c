import { isLikelyPhone, localPhone, maskPhone, normalizePhone, waMeLink } from '../../../src/domain/phone';

describe('phone numbers', () => {
  it('normalises Indonesian numbers to 62…', () => {
    expect(normalizePhone('081234567890')).toBe('6281234567890');
    expect(normalizePhone('+62 812-3456-7890')).toBe('6281234567890');
    expect(normalizePhone('62 812 3456 7890')).toBe('6281234567890');
    expect(normalizePhone('0062 81234567890')).toBe('6281234567890');
    expect(normalizePhone('(021) 87929919')).toBe('622187929919');
  });

  it('keeps other country codes as digits', () => {
    expect(normalizePhone('+1 (555) 123-4567')).toBe('15551234567');
    expect(normalizePhone('819012345678')).toBe('819012345678');
    expect(normalizePhone(6281234567890)).toBe('6281234567890');
    expect(normalizePhone('abc')).toBe('');
  });

  it('masking keeps first and last 4 digits', () => {
    expect(maskPhone('6281234567890')).toBe('0812****7890');
    expect(maskPhone('62812345678901')).toBe('0812*****8901');
    expect(maskPhone('+62 812-3456-789')).toBe('0812***6789');
    expect(maskPhone('081234567890')).toBe('0812****7890');
    expect(maskPhone('+1 555 123 4567')).toBe('+1555***4567');
  });

  it('masks all but the last 2 digits of short numbers', () => {
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('0812345')).toBe('*****45');
    expect(maskPhone('')).toBe('');
  });

  it('gives the local form of Indonesian numbers', () => {
    expect(localPhone('6281234567890')).toBe('081234567890');
    expect(localPhone('15551234567')).toBe('+15551234567');
  });

  it('recognises likely phone numbers', () => {
    expect(isLikelyPhone('0812-3456-7890')).toBe(true);
    expect(isLikelyPhone('+62 812 3456 7890')).toBe(true);
    expect(isLikelyPhone('1234')).toBe(false);
    expect(isLikelyPhone('halo 08123456789')).toBe(false);
    expect(isLikelyPhone('=HYPERLINK("x")')).toBe(false);
  });

  it('builds a wa.me link with the greeting encoded', () => {
    expect(waMeLink('0812-3456-7890', 'Halo HALO KOP-UKM, saya ingin berkonsultasi.')).toBe(
      'https://wa.me/6281234567890?text=Halo%20HALO%20KOP-UKM%2C%20saya%20ingin%20berkonsultasi.',
    );
    expect(waMeLink('+6281234567890')).toBe('https://wa.me/6281234567890');
  });
});
