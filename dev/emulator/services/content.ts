/** ContentService (TextOutput) and HtmlService (HtmlOutput, HtmlTemplate). */
import { GasError, MSG } from '../errors';
import { type Ctx, Facade, instrument } from '../execution';
import { BlobFacade } from './base';

export const ContentMimeType = {
  ATOM: 'ATOM',
  CSV: 'CSV',
  ICAL: 'ICAL',
  JAVASCRIPT: 'JAVASCRIPT',
  JSON: 'JSON',
  RSS: 'RSS',
  TEXT: 'TEXT',
  VCARD: 'VCARD',
  XML: 'XML',
} as const;

/** The HTTP Content-Type a ContentService.MimeType is served with. */
export const CONTENT_TYPES: Record<string, string> = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'application/xml',
};

export class ContentServiceFacade extends Facade {
  readonly MimeType = ContentMimeType;

  createTextOutput(content?: unknown): TextOutputFacade {
    return new TextOutputFacade(this._ctx, content === undefined || content === null ? '' : String(content));
  }
}
instrument(ContentServiceFacade, 'ContentService');

export class TextOutputFacade extends Facade {
  _mimeType = 'TEXT';
  _fileName: string | null = null;

  constructor(
    ctx: Ctx,
    public _content: string,
  ) {
    super(ctx);
  }

  getContent(): string {
    return this._content;
  }

  setContent(content: unknown): TextOutputFacade {
    this._content = String(content);
    return this;
  }

  append(addedContent: unknown): TextOutputFacade {
    this._content += String(addedContent);
    return this;
  }

  clear(): TextOutputFacade {
    this._content = '';
    return this;
  }

  getMimeType(): string {
    return this._mimeType;
  }

  setMimeType(mimeType: string): TextOutputFacade {
    if (!(String(mimeType) in ContentMimeType)) throw new GasError(MSG.invalidArgument('mimeType'));
    this._mimeType = String(mimeType);
    return this;
  }

  getFileName(): string | null {
    return this._fileName;
  }

  downloadAsFile(filename: string): TextOutputFacade {
    this._fileName = String(filename);
    return this;
  }

  /** Host helper: the HTTP Content-Type this output is served with. */
  _httpContentType(): string {
    return CONTENT_TYPES[this._mimeType] ?? 'text/plain';
  }
}
instrument(TextOutputFacade, 'ContentService.TextOutput');

export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;
export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;

export class HtmlServiceFacade extends Facade {
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly SandboxMode = SandboxMode;

  createHtmlOutput(html?: unknown): HtmlOutputFacade {
    const content =
      html instanceof BlobFacade ? html.getDataAsString() : html === undefined ? '' : String(html);
    return new HtmlOutputFacade(this._ctx, content);
  }

  createHtmlOutputFromFile(filename: string): HtmlOutputFacade {
    return new HtmlOutputFacade(this._ctx, fileContent(this._ctx, filename));
  }

  createTemplate(html: unknown): HtmlTemplateFacade {
    return new HtmlTemplateFacade(
      this._ctx,
      html instanceof BlobFacade ? html.getDataAsString() : String(html),
    );
  }

  createTemplateFromFile(filename: string): HtmlTemplateFacade {
    return new HtmlTemplateFacade(this._ctx, fileContent(this._ctx, filename));
  }

  getUserAgent(): string {
    return 'Mozilla/5.0 (emulator)';
  }
}
instrument(HtmlServiceFacade, 'HtmlService');

function fileContent(ctx: Ctx, filename: string): string {
  const files = ctx.emu.htmlFiles;
  const name = String(filename);
  const content = files[name] ?? files[`${name}.html`];
  if (content === undefined) throw new GasError(`No HTML file named ${name} was found.`);
  return content;
}

export class HtmlOutputFacade extends Facade {
  _title = '';
  _width = 600;
  _height = 400;
  _xFrameOptionsMode = 'DEFAULT';
  _sandboxMode = 'IFRAME';
  _faviconUrl: string | null = null;
  _metaTags: Array<{ name: string; content: string }> = [];

  constructor(
    ctx: Ctx,
    public _content: string,
  ) {
    super(ctx);
  }

  getContent(): string {
    return this._content;
  }

  setContent(content: unknown): HtmlOutputFacade {
    this._content = String(content);
    return this;
  }

  append(addedContent: unknown): HtmlOutputFacade {
    this._content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: unknown): HtmlOutputFacade {
    this._content += escapeHtml(addedContent);
    return this;
  }

  clear(): HtmlOutputFacade {
    this._content = '';
    return this;
  }

  getTitle(): string {
    return this._title;
  }

  setTitle(title: unknown): HtmlOutputFacade {
    this._title = String(title);
    return this;
  }

  getWidth(): number {
    return this._width;
  }

  setWidth(width: number): HtmlOutputFacade {
    this._width = Number(width);
    return this;
  }

  getHeight(): number {
    return this._height;
  }

  setHeight(height: number): HtmlOutputFacade {
    this._height = Number(height);
    return this;
  }

  setXFrameOptionsMode(mode: string): HtmlOutputFacade {
    if (!(String(mode) in XFrameOptionsMode)) throw new GasError(MSG.invalidArgument('mode'));
    this._xFrameOptionsMode = String(mode);
    return this;
  }

  setSandboxMode(mode: string): HtmlOutputFacade {
    if (!(String(mode) in SandboxMode)) throw new GasError(MSG.invalidArgument('mode'));
    this._sandboxMode = String(mode);
    return this;
  }

  getSandboxMode(): string {
    return this._sandboxMode;
  }

  setFaviconUrl(iconUrl: string): HtmlOutputFacade {
    this._faviconUrl = String(iconUrl);
    return this;
  }

  getFaviconUrl(): string | null {
    return this._faviconUrl;
  }

  addMetaTag(name: string, content: string): HtmlOutputFacade {
    this._metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  getBlob(): BlobFacade {
    return new BlobFacade(this._ctx, Buffer.from(this._content, 'utf8'), 'text/html', this._title || null);
  }

  getAs(contentType: string): BlobFacade {
    return this.getBlob().getAs(contentType);
  }

  asTemplate(): HtmlTemplateFacade {
    return new HtmlTemplateFacade(this._ctx, this._content);
  }
}
instrument(HtmlOutputFacade, 'HtmlService.HtmlOutput');

/**
 * HtmlTemplate: `<? code ?>`, `<?= expr ?>` (escaped) and `<?!= expr ?>` (raw). Properties set on
 * the template are variables of the code. Inside a sandbox the code runs in the script's context
 * (so it can call the script's functions); elsewhere in the host.
 */
export class HtmlTemplateFacade extends Facade {
  [key: string]: unknown;

  constructor(
    ctx: Ctx,
    readonly _source: string,
  ) {
    super(ctx);
  }

  getRawContent(): string {
    return this._source;
  }

  getCode(): string {
    return compileTemplate(this._source);
  }

  evaluate(): HtmlOutputFacade {
    const data: Record<string, unknown> = {};
    for (const k of Object.keys(this)) {
      if (!k.startsWith('_')) data[k] = this[k];
    }
    const body = `with (__data) { ${compileTemplate(this._source)} }`;
    const fn = this._ctx.compile
      ? this._ctx.compile(['__data', '__esc'], body)
      : (new Function('__data', '__esc', body) as (...args: unknown[]) => unknown);
    // Template code is script code: its service calls count and get script-realm values.
    const depth = this._ctx.depth;
    this._ctx.depth = 0;
    let html: string;
    try {
      html = String(fn(data, escapeHtml));
    } finally {
      this._ctx.depth = depth;
    }
    return new HtmlOutputFacade(this._ctx, html);
  }
}
instrument(HtmlTemplateFacade, 'HtmlService.HtmlTemplate');

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function compileTemplate(src: string): string {
  let code = 'var __out = "";\n';
  let i = 0;
  while (i < src.length) {
    const start = src.indexOf('<?', i);
    if (start < 0) {
      code += `__out += ${JSON.stringify(src.slice(i))};\n`;
      break;
    }
    code += `__out += ${JSON.stringify(src.slice(i, start))};\n`;
    const end = src.indexOf('?>', start + 2);
    if (end < 0) throw new GasError('Unterminated scriptlet in template.');
    const inner = src.slice(start + 2, end);
    if (inner.startsWith('!=')) code += `__out += String(${inner.slice(2)});\n`;
    else if (inner.startsWith('=')) code += `__out += __esc(${inner.slice(1)});\n`;
    else code += `${inner}\n`;
    i = end + 2;
  }
  return code + 'return __out;';
}
