// The account type setting and the daily limits it selects (platform/quota.ts).
import { accountTypeOf, DAILY_LIMITS } from '../../../src/platform/quota';

describe('the account type', () => {
  it('reads the setting in the words staff use', () => {
    for (const t of ['konsumen', 'Gmail', '', 'gratis']) expect(accountTypeOf(t)).toBe('consumer');
    for (const t of ['workspace', 'Google Workspace', 'bisnis']) expect(accountTypeOf(t)).toBe('workspace');
  });

  it("selects Google's daily limits (consumer / Workspace)", () => {
    expect(DAILY_LIMITS.consumer).toEqual({ mailRecipients: 100, urlFetch: 20000, triggerMs: 90 * 60000 });
    expect(DAILY_LIMITS.workspace).toEqual({
      mailRecipients: 1500,
      urlFetch: 100000,
      triggerMs: 6 * 3600000,
    });
  });
});
