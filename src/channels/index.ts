/** WhatsApp channel layer: one Provider per gateway, chosen by name. */
import { cloudApi } from './cloud-api';
import { fonnte } from './fonnte';
import type { Provider, ProviderName } from './types';

export type * from './types';
export { cloudApi } from './cloud-api';
export { fonnte } from './fonnte';

/** The provider for a configured name. */
export function providerFor(name: ProviderName): Provider {
  return name === 'fonnte' ? fonnte : cloudApi;
}

/**
 * Whether the provider can show interactive buttons/lists (Cloud API) or only numbered text
 * menus (Fonnte, since May 2023). Numbered replies are accepted on both.
 */
export function isMenuCapable(name: ProviderName): boolean {
  return name === 'cloud';
}
