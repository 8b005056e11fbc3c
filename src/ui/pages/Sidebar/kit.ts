// Kit Sosialisasi (SOP 000 table, step 5): the service's wa.me link with the greeting typed, and
// its QR code drawn here (qrcode-generator) as SVG, printable and downloadable as PNG or SVG.

import qrcode from 'qrcode-generator';
import type { KitView } from '../../../api/types';
import { call } from '../../client/bridge';
import { byId, clear } from '../../client/dom';
import { errorText, setStatus } from './util';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Quiet zone of 4 modules, as the QR standard asks. */
const MARGIN = 4;
const PNG_MODULE_PX = 16;

let kit: KitView | null = null;
let loaded = false;

interface Matrix {
  size: number;
  dark: (r: number, c: number) => boolean;
}

export function qrMatrix(text: string): Matrix {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return { size: qr.getModuleCount(), dark: (r, c) => qr.isDark(r, c) };
}

/** The QR code as an SVG element built node by node (one path of unit squares). */
export function qrSvg(text: string, title: string): SVGSVGElement {
  const m = qrMatrix(text);
  const total = m.size + MARGIN * 2;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('viewBox', `0 0 ${total} ${total}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('role', 'img');
  const t = document.createElementNS(SVG_NS, 'title');
  t.textContent = title;
  svg.appendChild(t);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', String(total));
  bg.setAttribute('height', String(total));
  bg.setAttribute('fill', '#ffffff');
  svg.appendChild(bg);
  let d = '';
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) if (m.dark(r, c)) d += `M${c + MARGIN} ${r + MARGIN}h1v1h-1z`;
  }
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000000');
  svg.appendChild(path);
  return svg;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function downloadSvg(): void {
  const svg = document.querySelector('#kit-qr-image svg');
  if (!svg) return;
  const xml = new XMLSerializer().serializeToString(svg);
  download('halo-kop-ukm-qr.svg', new Blob([xml], { type: 'image/svg+xml' }));
}

function downloadPng(): void {
  if (!kit || !kit.link) return;
  const m = qrMatrix(kit.link);
  const total = (m.size + MARGIN * 2) * PNG_MODULE_PX;
  const canvas = document.createElement('canvas');
  canvas.width = total;
  canvas.height = total;
  const g = canvas.getContext('2d');
  if (!g) return;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, total, total);
  g.fillStyle = '#000000';
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (m.dark(r, c))
        g.fillRect((c + MARGIN) * PNG_MODULE_PX, (r + MARGIN) * PNG_MODULE_PX, PNG_MODULE_PX, PNG_MODULE_PX);
    }
  }
  canvas.toBlob((blob) => {
    if (blob) download('halo-kop-ukm-qr.png', blob);
  }, 'image/png');
}

function render(view: KitView): void {
  kit = view;
  const status = byId('kit-status');
  const body = byId('kit-body');
  if (!view.link) {
    body.hidden = true;
    setStatus(status, view.problem, 'bad');
    return;
  }
  setStatus(status, '');
  body.hidden = false;
  byId<HTMLTextAreaElement>('kit-link').value = view.link;
  const image = byId('kit-qr-image');
  clear(image);
  image.appendChild(qrSvg(view.link, view.caption));
  byId('kit-caption').textContent = view.caption;
}

async function load(): Promise<void> {
  setStatus(byId('kit-status'), 'Memuat…');
  try {
    render(await call('kit.get', {}));
  } catch (err) {
    setStatus(byId('kit-status'), `Kit gagal dimuat: ${errorText(err)}`, 'bad');
  }
}

/** Loads the kit when the tab is shown: once, or again while the service number is missing. */
export function showKit(): void {
  if (loaded && (!kit || kit.link)) return;
  loaded = true;
  void load();
}

export function initKit(): void {
  byId('kit-copy').addEventListener('click', () => {
    const link = byId<HTMLTextAreaElement>('kit-link');
    link.select();
    const done = (): void => setStatus(byId('kit-status'), 'Tautan disalin.', 'ok');
    if (navigator.clipboard) {
      navigator.clipboard.writeText(link.value).then(done, () => {
        document.execCommand('copy');
        done();
      });
    } else {
      document.execCommand('copy');
      done();
    }
  });
  byId('kit-svg').addEventListener('click', downloadSvg);
  byId('kit-png').addEventListener('click', downloadPng);
  byId('kit-print').addEventListener('click', () => {
    document.body.classList.add('print-kit');
    window.print();
    document.body.classList.remove('print-kit');
  });
}
