import {
  batchSize,
  classifySend,
  outsideWindow,
  parseTemplateShape,
  percentDone,
  quotaAfter,
  quotaLeft,
  quotaResumeAt,
  recipientKey,
  remaining,
  templateParam,
  templateParams,
  throttlePauseMs,
} from '../../../src/domain/broadcast';
import { parseCloudSendResponse } from '../../../src/channels/cloud-api';
import { parseFonnteSendResponse } from '../../../src/channels/fonnte';
import { localMs } from '../../../src/domain/time';

const H = 3_600_000;
const WIB = 420;

function cloudError(status: number, code: number, message = 'x'): ReturnType<typeof parseCloudSendResponse> {
  return parseCloudSendResponse(status, JSON.stringify({ error: { code, message } }));
}

describe('what a send result means for a broadcast', () => {
  it('counts an accepted message as sent', () => {
    const ok = parseCloudSendResponse(200, JSON.stringify({ messages: [{ id: 'wamid.1' }] }));
    expect(classifySend(ok, 'cloud')).toBe('sent');
  });

  it('pauses and retries later on throttling (130429, 131056, 80007, HTTP 429)', () => {
    expect(classifySend(cloudError(400, 130429), 'cloud')).toBe('throttled');
    expect(classifySend(cloudError(400, 131056), 'cloud')).toBe('throttled');
    expect(classifySend(cloudError(400, 80007), 'cloud')).toBe('throttled');
    expect(classifySend(parseCloudSendResponse(429, ''), 'cloud')).toBe('throttled');
  });

  it('pauses when WhatsApp is unavailable (131016, 133004, HTTP 503): nothing was sent', () => {
    expect(classifySend(cloudError(503, 131016), 'cloud')).toBe('throttled');
    expect(classifySend(cloudError(400, 133004), 'cloud')).toBe('throttled');
    expect(classifySend(parseCloudSendResponse(503, 'Service Unavailable'), 'cloud')).toBe('throttled');
  });

  it('records 131047, 131026 and other refusals as failed, never to be retried', () => {
    expect(classifySend(cloudError(400, 131047), 'cloud')).toBe('failed');
    expect(classifySend(cloudError(400, 131026), 'cloud')).toBe('failed');
    expect(classifySend(cloudError(400, 131021), 'cloud')).toBe('failed');
    expect(classifySend(cloudError(400, 100), 'cloud')).toBe('failed');
  });

  it('halts on account or template refusals, which every next send would hit too', () => {
    expect(classifySend(cloudError(401, 190), 'cloud')).toBe('halted');
    expect(classifySend(cloudError(400, 132001), 'cloud')).toBe('halted');
    expect(classifySend(cloudError(400, 131042), 'cloud')).toBe('halted');
  });

  it('treats a time-out, a 5xx or 131000 as uncertain: the message may have arrived', () => {
    expect(classifySend(parseCloudSendResponse(0, ''), 'cloud')).toBe('uncertain');
    expect(
      classifySend(
        { ok: false, errorCode: 0, errorMessage: 'Timeout: https://graph…', retryable: true },
        'cloud',
      ),
    ).toBe('uncertain');
    expect(classifySend(cloudError(500, 131000), 'cloud')).toBe('uncertain');
    expect(classifySend(parseCloudSendResponse(502, 'Bad gateway'), 'cloud')).toBe('uncertain');
    expect(classifySend(parseCloudSendResponse(200, '{}'), 'cloud')).toBe('uncertain');
  });

  it('knows a fetch refused by Apps Script itself was not sent (UrlFetch quota, DNS)', () => {
    const quota = {
      ok: false,
      errorCode: 0,
      errorMessage: 'Service invoked too many times for one day: urlfetch.',
      retryable: true,
    };
    expect(classifySend(quota, 'cloud')).toBe('throttled');
    expect(classifySend({ ...quota, errorMessage: 'DNS error: https://graph.facebook.com' }, 'cloud')).toBe(
      'throttled',
    );
  });

  it('reads Fonnte reasons: rate limits wait, an exhausted quota halts, a bad target fails', () => {
    const rate = parseFonnteSendResponse(
      200,
      JSON.stringify({ status: false, reason: 'rate limit, try again later' }),
    );
    expect(classifySend(rate, 'fonnte')).toBe('throttled');
    const quota = parseFonnteSendResponse(200, JSON.stringify({ status: false, reason: 'quota exhausted' }));
    expect(classifySend(quota, 'fonnte')).toBe('halted');
    const target = parseFonnteSendResponse(200, JSON.stringify({ status: false, reason: 'invalid target' }));
    expect(classifySend(target, 'fonnte')).toBe('failed');
    const timeout = parseFonnteSendResponse(
      200,
      JSON.stringify({ status: false, reason: 'request timeout' }),
    );
    expect(classifySend(timeout, 'fonnte')).toBe('uncertain');
  });

  it('backs off 1, 2, 4 … minutes up to an hour', () => {
    expect([1, 2, 3, 4, 7, 20].map((n) => throttlePauseMs(n) / 60_000)).toEqual([1, 2, 4, 8, 60, 60]);
  });
});

describe('the 24-hour customer service window (Cloud API)', () => {
  const now = localMs('2026-11-23', '09:00', WIB);

  it('is open for a recipient who wrote within the last 24 hours (with a 15-minute margin)', () => {
    expect(outsideWindow(now - 2 * H, now)).toBe(false);
    expect(outsideWindow(now - 23.5 * H, now)).toBe(false);
    expect(outsideWindow(now - 23.8 * H, now)).toBe(true);
  });

  it('is closed for an older or unknown last message', () => {
    expect(outsideWindow(now - 25 * H, now)).toBe(true);
    expect(outsideWindow(0, now)).toBe(true);
    expect(outsideWindow(undefined, now)).toBe(true);
  });

  it('closes while a broadcast waits for the next day', () => {
    const last = now - 2 * H;
    expect(outsideWindow(last, now + 21.5 * H)).toBe(false);
    expect(outsideWindow(last, now + 22 * H)).toBe(true);
  });
});

describe('daily quota (Batas Siaran per Hari)', () => {
  it('counts sends per local day and starts again the next day', () => {
    let q = quotaAfter(null, '2026-11-23', 200);
    expect(quotaLeft(q, '2026-11-23', 250)).toBe(50);
    q = quotaAfter(q, '2026-11-23', 50);
    expect(quotaLeft(q, '2026-11-23', 250)).toBe(0);
    expect(quotaLeft(q, '2026-11-24', 250)).toBe(250);
    expect(quotaAfter(q, '2026-11-24', 3)).toEqual({ day: '2026-11-24', count: 3 });
  });

  it('has no limit when the setting is 0 or empty', () => {
    expect(quotaLeft({ day: '2026-11-23', count: 10_000 }, '2026-11-23', 0)).toBe(Infinity);
    expect(quotaLeft(null, '2026-11-23', NaN)).toBe(Infinity);
  });

  it('resumes at opening time the next day, also across the year', () => {
    const late = localMs('2026-12-31', '22:15', WIB);
    expect(quotaResumeAt(late, WIB, '07:00')).toBe(localMs('2027-01-01', '07:00', WIB));
    expect(quotaResumeAt(localMs('2026-11-23', '00:30', WIB), WIB, 'nonsense')).toBe(
      localMs('2026-11-24', '07:00', WIB),
    );
  });

  it('sends at most 50 a run, no more than the quota and the queue allow', () => {
    expect(batchSize(2000, Infinity)).toBe(50);
    expect(batchSize(2000, 7)).toBe(7);
    expect(batchSize(3, 250)).toBe(3);
    expect(batchSize(0, 250)).toBe(0);
  });
});

describe('template parameters and recipients', () => {
  it('flattens new lines and long runs of spaces, which templates refuse', () => {
    expect(templateParam('Baris satu\nBaris dua\t\tdan      spasi')).toBe('Baris satu Baris dua dan   spasi');
    expect(templateParam('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(templateParams('Modal usaha', 'Isi\n\ninfo')).toEqual(['Modal usaha', 'Isi info']);
  });

  it('keys recipients by normalised number, user ids as given', () => {
    expect(recipientKey('0812-3456-7890')).toBe('6281234567890');
    expect(recipientKey('+62 812 3456 7890')).toBe('6281234567890');
    expect(recipientKey('ID.user.abc')).toBe('ID.user.abc');
  });

  it('reports what remains and the percentage done', () => {
    const counts = { total: 200, sent: 90, templated: 40, failed: 5, skipped: 4, uncertain: 1 };
    expect(remaining(counts)).toBe(100);
    expect(percentDone(counts)).toBe(50);
    expect(percentDone({ ...counts, total: 0, sent: 0, failed: 0, skipped: 0, uncertain: 0 })).toBe(100);
  });
});

describe('template variables (setting Variabel Template Siaran)', () => {
  it('fills {{1}} topic and {{2}} text by default, one combined variable, or none', () => {
    expect(templateParams('NIB gratis', 'Daftar di OSS')).toEqual(['NIB gratis', 'Daftar di OSS']);
    expect(templateParams('NIB gratis', 'Daftar di OSS', parseTemplateShape('1'))).toEqual([
      'NIB gratis: Daftar di OSS',
    ]);
    expect(templateParams('NIB gratis', 'Daftar di OSS', parseTemplateShape('0'))).toEqual([]);
    expect(parseTemplateShape('')).toBe(2);
    expect(parseTemplateShape('tiga')).toBe(2);
  });
});
