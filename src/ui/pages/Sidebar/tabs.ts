// The sidebar's tabs (WAI-ARIA tabs pattern): click or arrow keys, Home/End; one panel shown.

export type PanelName = 'inbox' | 'chat' | 'cases' | 'manual' | 'content' | 'broadcast' | 'kit' | 'actions';

const listeners: ((panel: PanelName) => void)[] = [];
let current: PanelName = 'inbox';

function tabs(): HTMLButtonElement[] {
  return Array.from(document.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]'));
}

export function currentPanel(): PanelName {
  return current;
}

export function onShow(fn: (panel: PanelName) => void): void {
  listeners.push(fn);
}

export function showPanel(panel: PanelName, focusTab = false): void {
  current = panel;
  for (const tab of tabs()) {
    const selected = tab.dataset.panel === panel;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected && focusTab) tab.focus();
    const section = document.getElementById(`panel-${tab.dataset.panel}`);
    if (section) section.hidden = !selected;
  }
  for (const fn of listeners) fn(panel);
}

/** A number shown on a tab (unread messages), or nothing. */
export function setTabBadge(panel: PanelName, count: number, label: string): void {
  const tab = document.getElementById(`tab-${panel}`);
  if (!tab) return;
  let badge = tab.querySelector<HTMLElement>('.badge');
  if (count <= 0) {
    if (badge) badge.remove();
    return;
  }
  if (!badge) {
    badge = document.createElement('span');
    badge.className = 'badge';
    tab.appendChild(badge);
  }
  badge.textContent = String(count);
  badge.setAttribute('aria-label', label);
}

export function initTabs(): void {
  const all = tabs();
  all.forEach((tab, i) => {
    tab.addEventListener('click', () => showPanel(tab.dataset.panel as PanelName));
    tab.addEventListener('keydown', (ev) => {
      let next = -1;
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') next = (i + 1) % all.length;
      else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') next = (i - 1 + all.length) % all.length;
      else if (ev.key === 'Home') next = 0;
      else if (ev.key === 'End') next = all.length - 1;
      if (next < 0) return;
      ev.preventDefault();
      showPanel(all[next].dataset.panel as PanelName, true);
    });
  });
  showPanel(current);
}
