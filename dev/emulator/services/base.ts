/** Shared service objects: Blob and User. */
import { GasError, MSG } from '../errors';
import { type Ctx, Facade, instrument } from '../execution';

/** Bytes as Apps Script hands them out: signed Java bytes (-128..127). */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/** Accepts a byte array of either sign convention, or a string (UTF-8). */
export function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, charsetEncoding(charset));
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  if (data instanceof Uint8Array) return Buffer.from(data);
  if (data instanceof BlobFacade) return Buffer.from(data._bytes);
  throw new GasError(MSG.invalidArgument('data'));
}

export function charsetEncoding(charset: unknown): BufferEncoding {
  if (charset === undefined || charset === null) return 'utf8';
  const c = String(charset).toUpperCase().replace(/-/g, '_');
  if (c === 'UTF_8' || c === 'UTF8') return 'utf8';
  if (c === 'US_ASCII' || c === 'ASCII') return 'ascii';
  if (c === 'ISO_8859_1' || c === 'LATIN1') return 'latin1';
  throw new GasError(MSG.invalidArgument('charset'));
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/json': 'json',
  'text/html': 'html',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

export class BlobFacade extends Facade {
  constructor(
    ctx: Ctx,
    public _bytes: Buffer,
    public _contentType: string | null = null,
    public _name: string | null = null,
  ) {
    super(ctx);
  }

  getBytes(): number[] {
    return toSignedBytes(this._bytes);
  }

  setBytes(data: number[]): BlobFacade {
    this._bytes = toBuffer(data);
    return this;
  }

  getDataAsString(charset?: string): string {
    return this._bytes.toString(charsetEncoding(charset));
  }

  setDataFromString(s: string, charset?: string): BlobFacade {
    this._bytes = Buffer.from(String(s), charsetEncoding(charset));
    return this;
  }

  getContentType(): string | null {
    return this._contentType;
  }

  setContentType(t: string): BlobFacade {
    this._contentType = t;
    return this;
  }

  getName(): string | null {
    return this._name;
  }

  setName(name: string): BlobFacade {
    this._name = name;
    return this;
  }

  getAs(contentType: string): BlobFacade {
    const ext = EXTENSIONS[contentType];
    const base = this._name ? this._name.replace(/\.[^.]*$/, '') : null;
    const bytes =
      contentType === 'application/pdf' && this._contentType !== 'application/pdf'
        ? minimalPdf(this._bytes.toString('utf8'))
        : Buffer.from(this._bytes);
    return new BlobFacade(this._ctx, bytes, contentType, base && ext ? `${base}.${ext}` : this._name);
  }

  copyBlob(): BlobFacade {
    return new BlobFacade(this._ctx, Buffer.from(this._bytes), this._contentType, this._name);
  }

  isGoogleType(): boolean {
    return false;
  }

  getBlob(): BlobFacade {
    return this;
  }
}
instrument(BlobFacade, 'Utilities.Blob');

export class UserFacade extends Facade implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(
    ctx: Ctx,
    private readonly email: string,
  ) {
    super(ctx);
  }

  getEmail(): string {
    return this.email;
  }

  getUserLoginId(): string {
    return this.email;
  }
}
instrument(UserFacade, 'Base.User');

/** A minimal, valid one-page PDF showing `text` (first lines only). */
export function minimalPdf(text: string): Buffer {
  const lines = text.split(/\r?\n/).slice(0, 40);
  const esc = (s: string): string => s.replace(/[\\()]/g, (m) => '\\' + m).replace(/[^\x20-\x7e]/g, '?');
  const stream =
    'BT /F1 10 Tf 40 800 Td 12 TL\n' + lines.map((l) => `(${esc(l.slice(0, 100))}) '`).join('\n') + '\nET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
