// /sidebar — build/Sidebar.html in a 300 px frame (served from /ui/Sidebar with a google.script.run
// shim), and the other pages of build/ (dialogs such as Settings) in a modal frame.

import { byId, clear, getJson, h, startHeader } from './common';

interface UiPage {
  name: string;
  title: string;
  width: number;
  height: number;
}

function openSidebar(): void {
  byId<HTMLIFrameElement>('frame').src = '/ui/Sidebar';
}

function openDialog(p: UiPage): void {
  const dialog = byId<HTMLDialogElement>('dialog');
  byId('dialog-title').textContent = p.title;
  const frame = byId<HTMLIFrameElement>('dialog-frame');
  frame.style.width = `${p.width}px`;
  frame.style.height = `${p.height}px`;
  frame.src = `/ui/${encodeURIComponent(p.name)}`;
  dialog.showModal();
}

function closeDialog(): void {
  const dialog = byId<HTMLDialogElement>('dialog');
  if (dialog.open) dialog.close();
  byId<HTMLIFrameElement>('dialog-frame').src = 'about:blank';
}

async function init(): Promise<void> {
  startHeader();
  const info = await getJson<{ pages: UiPage[]; editor: string }>('/_dev/ui');
  byId('editor-email').textContent = info.editor;
  const hasSidebar = info.pages.some((p) => p.name === 'Sidebar');
  byId('sidebar-missing').hidden = hasSidebar;
  if (hasSidebar) openSidebar();
  else byId('frame').hidden = true;
  const list = byId('dialogs');
  clear(list);
  const others = info.pages.filter((p) => p.name !== 'Sidebar');
  if (!others.length) list.appendChild(h('li', { class: 'hint', text: 'Belum ada dialog lain di build/.' }));
  for (const p of others) {
    const b = h('button', { type: 'button', class: 'secondary', text: `Buka ${p.title}` });
    b.addEventListener('click', () => openDialog(p));
    list.appendChild(h('li', {}, b));
  }
  byId('dialog-close').addEventListener('click', closeDialog);
  byId('frame-close').addEventListener('click', () => {
    const frame = byId<HTMLIFrameElement>('frame');
    if (frame.src.endsWith('about:blank')) openSidebar();
    else frame.src = 'about:blank';
  });
  // google.script.host.close() inside a frame asks its parent to close it.
  window.addEventListener('message', (ev: MessageEvent) => {
    if (ev.origin !== location.origin) return;
    const data = ev.data as { type?: string } | null;
    if (!data || data.type !== 'halo-host-close') return;
    if (ev.source === byId<HTMLIFrameElement>('dialog-frame').contentWindow) closeDialog();
    else byId<HTMLIFrameElement>('frame').src = 'about:blank';
  });
}

void init();
