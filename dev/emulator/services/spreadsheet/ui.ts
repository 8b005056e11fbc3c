/** SpreadsheetApp.getUi(): Ui, Menu, PromptResponse, and what they record (emu.ui). */
import { describeTypes, GasError, MSG } from '../../errors';
import { type Ctx, Facade, instrument } from '../../execution';
import { HtmlOutputFacade } from '../content';
import { clone } from './shared';

const ButtonEnum = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
const ButtonSetEnum = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

// ---- UI records (emu.ui) -----------------------------------------------------------------------

export type MenuItemRecord =
  { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };

export interface MenuRecord {
  name: string;
  addon: boolean;
  items: MenuItemRecord[];
}

export interface HtmlShownRecord {
  at: number;
  kind: 'sidebar' | 'modalDialog' | 'modelessDialog';
  title: string;
  width: number;
  height: number;
  html: string;
}

export interface UiRecord {
  menus: MenuRecord[];
  shown: HtmlShownRecord[];
  alerts: Array<{ at: number; title: string; prompt: string; buttons: string; kind: 'alert' | 'prompt' }>;
  toasts: Array<{ at: number; message: string; title: string; timeoutSeconds: number }>;
  /** What the next Ui.alert/prompt answers (a Ui.Button name). */
  alertResponse: string;
  promptResponseText: string;
}

export function newUiRecord(): UiRecord {
  return { menus: [], shown: [], alerts: [], toasts: [], alertResponse: 'OK', promptResponseText: '' };
}

// ---- Ui ----------------------------------------------------------------------------------------

function htmlOf(html: unknown, method: string): HtmlOutputFacade {
  if (!(html instanceof HtmlOutputFacade)) throw new GasError(MSG.signature(describeTypes([html]), method));
  return html;
}

export class UiFacade extends Facade {
  readonly Button = ButtonEnum;
  readonly ButtonSet = ButtonSetEnum;

  createMenu(caption: string): MenuFacade {
    return new MenuFacade(this._ctx, { name: String(caption), addon: false, items: [] });
  }

  createAddonMenu(): MenuFacade {
    return new MenuFacade(this._ctx, { name: this._ctx.emu.addOnName, addon: true, items: [] });
  }

  private _show(kind: HtmlShownRecord['kind'], html: unknown, title: string | null, method: string): void {
    const out = htmlOf(html, method);
    this._ctx.emu.ui.shown.push({
      at: this._ctx.emu.clock.now(),
      kind,
      title: title ?? out._title,
      width: kind === 'sidebar' ? 300 : out._width,
      height: out._height,
      html: out._content,
    });
  }

  showSidebar(userInterface: HtmlOutputFacade): void {
    this._show('sidebar', userInterface, null, 'SpreadsheetApp.Ui.showSidebar');
  }

  showModalDialog(userInterface: HtmlOutputFacade, title: string): void {
    this._show('modalDialog', userInterface, String(title), 'SpreadsheetApp.Ui.showModalDialog');
  }

  showModelessDialog(userInterface: HtmlOutputFacade, title: string): void {
    this._show('modelessDialog', userInterface, String(title), 'SpreadsheetApp.Ui.showModelessDialog');
  }

  /** Records an alert or prompt: (prompt), (prompt, buttons) or (title, prompt, buttons). */
  private _ask(kind: 'alert' | 'prompt', a: string, b?: string, c?: string): UiRecord {
    const ui = this._ctx.emu.ui;
    const [title, prompt, buttons] =
      b === undefined ? ['', a, 'OK'] : c === undefined ? ['', a, String(b)] : [a, b, c];
    ui.alerts.push({
      at: this._ctx.emu.clock.now(),
      title: String(title),
      prompt: String(prompt),
      buttons: String(buttons),
      kind,
    });
    return ui;
  }

  alert(a: string, b?: string, c?: string): string {
    return this._ask('alert', a, b, c).alertResponse;
  }

  prompt(a: string, b?: string, c?: string): PromptResponseFacade {
    const ui = this._ask('prompt', a, b, c);
    return new PromptResponseFacade(this._ctx, ui.promptResponseText, ui.alertResponse);
  }
}
instrument(UiFacade, 'SpreadsheetApp.Ui');

export class PromptResponseFacade extends Facade {
  constructor(
    ctx: Ctx,
    private readonly text: string,
    private readonly button: string,
  ) {
    super(ctx);
  }

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): string {
    return this.button;
  }
}
instrument(PromptResponseFacade, 'SpreadsheetApp.PromptResponse');

export class MenuFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _menu: MenuRecord,
  ) {
    super(ctx);
  }

  addItem(caption: string, functionName: string): MenuFacade {
    this._menu.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): MenuFacade {
    this._menu.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: MenuFacade): MenuFacade {
    this._menu.items.push({ submenu: clone(menu._menu) });
    return this;
  }

  addToUi(): void {
    const menus = this._ctx.emu.ui.menus;
    const i = menus.findIndex((m) => m.name === this._menu.name && m.addon === this._menu.addon);
    const copy = clone(this._menu);
    if (i >= 0) menus[i] = copy;
    else menus.push(copy);
  }
}
instrument(MenuFacade, 'SpreadsheetApp.Menu');
