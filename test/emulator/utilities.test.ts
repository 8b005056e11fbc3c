import { gas, newEmu, script, thrown } from './helpers';

const hex = (bytes: number[]): string => bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');

describe('Utilities', () => {
  const { Utilities } = gas(newEmu());
  const when = new Date('2026-11-23T02:05:09.042Z'); // Monday 09:05:09 in Asia/Jakarta

  it('formats dates with Java SimpleDateFormat patterns in Asia/Jakarta', () => {
    const f = (p: string, tz = 'Asia/Jakarta'): string => Utilities.formatDate(when, tz, p);
    expect(f('yyyy-MM-dd HH:mm:ss')).toBe('2026-11-23 09:05:09');
    expect(f('EEE, d MMM yy')).toBe('Mon, 23 Nov 26');
    expect(f('EEEE dd MMMM yyyy')).toBe('Monday 23 November 2026');
    expect(f('h:mm a')).toBe('9:05 AM');
    expect(f('H:m:s.SSS')).toBe('9:5:9.042');
    expect(f('M/d')).toBe('11/23');
    expect(f('u')).toBe('1');
    expect(f('Z X XXX z')).toBe('+0700 +07 +07:00 WIB');
    expect(f("'Pukul' HH.mm")).toBe('Pukul 09.05');
    expect(f("''yy''")).toBe("'26'");
    expect(f('yyyy-MM-dd HH:mm', 'UTC')).toBe('2026-11-23 02:05');
    expect(f('HH:mm Z', 'GMT+8')).toBe('10:05 +0800');
    expect(f("yyyy-MM-dd'T'HH:mm:ssXXX", 'UTC')).toBe('2026-11-23T02:05:09Z');
    expect(thrown(() => f('yyyy-qq')).message).toBe("Illegal pattern character 'q'");
    expect(thrown(() => f('yyyy', 'Nowhere/City')).message).toBe('Invalid argument: timeZone');
  });

  it('computes digests and HMACs as signed byte arrays', () => {
    const md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, '');
    expect(md5).toEqual([-44, 29, -116, -39, -113, 0, -78, 4, -23, -128, 9, -104, -20, -8, 66, 126]);
    expect(hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(
      hex(Utilities.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key')),
    ).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
    expect(
      hex(
        Utilities.computeHmacSignature(
          Utilities.MacAlgorithm.HMAC_SHA_256,
          'The quick brown fox jumps over the lazy dog',
          'key',
        ),
      ),
    ).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('encodes and decodes base64, plain and web-safe', () => {
    expect(Utilities.base64Encode('Halo, dunia ✓')).toBe(Buffer.from('Halo, dunia ✓').toString('base64'));
    expect(Utilities.base64EncodeWebSafe([-5, -1, -2])).toBe('-__-');
    expect(Utilities.base64Decode('-__-'.replace(/-/g, '+').replace(/_/g, '/'))).toEqual([-5, -1, -2]);
    expect(Utilities.base64DecodeWebSafe('-__-')).toEqual([-5, -1, -2]);
    const bytes = Utilities.base64Decode(Utilities.base64Encode('é'));
    expect(Utilities.newBlob(bytes).getDataAsString()).toBe('é');
  });

  it('makes blobs with bytes, type and name', () => {
    const blob = Utilities.newBlob('a,b\n1,2', 'text/csv', 'data.csv');
    expect(blob.getBytes()).toEqual([97, 44, 98, 10, 49, 44, 50]);
    expect([blob.getContentType(), blob.getName()]).toEqual(['text/csv', 'data.csv']);
    blob.setName('x.csv');
    expect(blob.getName()).toBe('x.csv');
    expect(blob.getAs('application/pdf').getName()).toBe('x.pdf');
    expect(Utilities.parseCsv('a,"b,c"\n1,"say ""hi"""')).toEqual([
      ['a', 'b,c'],
      ['1', 'say "hi"'],
    ]);
  });

  it('makes UUIDs and formats strings', () => {
    expect(Utilities.getUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(Utilities.formatString('%s-%03d', 'HK', 7)).toBe('HK-007');
  });

  it('returns at once from sleep in the main thread, the emulated clock moved by its argument', () => {
    const emu = newEmu();
    const before = emu.clock.now();
    const started = Date.now();
    gas(emu).Utilities.sleep(2000);
    expect(Date.now() - started).toBeLessThan(500);
    expect(emu.clock.now()).toBe(before + 2000);
  });
});

describe('Session, Logger and console', () => {
  it('answers the script time zone and the users', () => {
    const emu = newEmu({ userEmail: 'admin@example.com' });
    const sb = script(
      emu,
      `function who() {
        return [Session.getScriptTimeZone(), Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(),
          Session.getTemporaryActiveUserKey().length > 0];
      }
      function doGet() { return who(); }`,
    );
    expect(sb.run('who').result).toEqual(['Asia/Jakarta', 'admin@example.com', 'admin@example.com', true]);
    expect(sb.run('doGet').result).toEqual(['Asia/Jakarta', '', 'admin@example.com', true]);
  });

  it('records Logger.log and console output in emu.logs', () => {
    const emu = newEmu();
    const sb = script(
      emu,
      `function logIt() {
        Logger.log('n=%s', 3);
        Logger.log({ a: 1 });
        console.log('plain', 1, [2]);
        console.warn('careful');
        console.error(new Error('bad'));
      }`,
    );
    sb.run('logIt');
    expect(emu.logs.map((l) => [l.source, l.level, l.message.split('\n')[0]])).toEqual([
      ['Logger', 'log', 'n=3'],
      ['Logger', 'log', '{"a":1}'],
      ['console', 'log', 'plain 1 [2]'],
      ['console', 'warn', 'careful'],
      ['console', 'error', 'Error: bad'],
    ]);
    expect(emu.logs[0].execution).toBe(emu.calls.last?.id);
  });
});
