// Siaran: the broadcast team's section. The broadcast handlers (`broadcast.*`) are not part of the
// sidebar's API yet, so the section says so and points to the sheet meanwhile.

import { byId, clear, h } from '../../client/dom';

export function initBroadcast(): void {
  const body = byId('broadcast-body');
  clear(body);
  body.appendChild(
    h('p', {
      class: 'banner',
      text: 'Pengiriman siaran dari panel ini belum tersedia pada versi ini.',
    }),
  );
  body.appendChild(
    h('p', {
      class: 'hint',
      text:
        'Warga mendaftar dengan mengetik DAFTAR dan berhenti dengan BERHENTI. Daftar pelanggan ada di ' +
        'lembar Pelanggan Siaran; topik siaran di lembar Bank Topik.',
    }),
  );
}
