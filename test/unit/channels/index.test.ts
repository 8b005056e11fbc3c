import { isMenuCapable, providerFor } from '../../../src/channels';
import { cloudApi } from '../../../src/channels/cloud-api';
import { fonnte } from '../../../src/channels/fonnte';

describe('channels index', () => {
  test('providerFor', () => {
    expect(providerFor('cloud')).toBe(cloudApi);
    expect(providerFor('fonnte')).toBe(fonnte);
    expect(providerFor('cloud').name).toBe('cloud');
    expect(providerFor('fonnte').name).toBe('fonnte');
  });

  test('isMenuCapable', () => {
    expect(isMenuCapable('cloud')).toBe(true);
    expect(isMenuCapable('fonnte')).toBe(false);
  });

  test('each provider rejects the other one’s payload without throwing', () => {
    const cloudBody = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
    expect(providerFor('fonnte').parseWebhook(cloudBody, 'application/json').ok).toBe(false);
    const fonnteBody = JSON.stringify({ sender: '628123', message: 'hi' });
    expect(providerFor('cloud').parseWebhook(fonnteBody, 'application/json').ok).toBe(false);
  });
});
