// Helpers shared by the browser tests of the staff sidebar: the playground's /_dev JSON API, the
// citizen's phone on /chat, and the sidebar opened on /sidebar with its dialogs recorded.

import type { BrowserContext, Dialog, Frame, Page } from 'playwright-core';
import type { StartedPlayground } from './playground';

/** A /_dev call: GET without a body, POST with one; throws unless the answer is 2xx. */
export async function devJson<T>(pg: StartedPlayground, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${pg.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A sheet's rows as records keyed by its headers. */
export async function sheetRecords(pg: StartedPlayground, name: string): Promise<Record<string, unknown>[]> {
  const s = await devJson<{ headers: string[]; rows: unknown[][] }>(
    pg,
    `/_dev/sheets/${encodeURIComponent(name)}`,
  );
  return s.rows.map((r) => Object.fromEntries(s.headers.map((h, i) => [h, r[i]])));
}

/** Appends rows (records keyed by header) to a sheet, as staff typing them in would. */
export async function appendRows(
  pg: StartedPlayground,
  sheet: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  await devJson(pg, `/_dev/sheets/${encodeURIComponent(sheet)}/rows`, { rows });
}

/** Records every alert/confirm/prompt the page opens in `into`, and dismisses it. */
export function watchDialogs(page: Page, into: string[]): void {
  page.on('dialog', (d: Dialog) => {
    into.push(d.message());
    void d.dismiss();
  });
}

/** The citizen's phone on /chat: sends a message and waits until the bot has answered it. */
export async function say(chat: Page, text: string, expectReply: RegExp | string): Promise<void> {
  await chat.fill('#text', text);
  await chat.press('#text', 'Enter');
  await chat.locator('#messages').getByText(expectReply).last().waitFor();
}

/** /sidebar in a new page, once the sidebar in its frame shows the inbox; dialogs go to `dialogs`. */
export async function openSidebar(
  context: BrowserContext,
  pg: StartedPlayground,
  dialogs: string[],
): Promise<{ page: Page; frame: Frame }> {
  const page = await context.newPage();
  watchDialogs(page, dialogs);
  await page.goto(`${pg.url}/sidebar`);
  const handle = await page.waitForSelector('#frame');
  await page.waitForFunction(() => {
    const f = document.querySelector<HTMLIFrameElement>('#frame');
    return !!f && !!f.contentDocument && !!f.contentDocument.querySelector('#panel-inbox');
  });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no sidebar frame');
  return { page, frame };
}
