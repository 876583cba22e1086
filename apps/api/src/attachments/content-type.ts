/**
 * What an inspection's evidence may be, told from the bytes themselves (magic numbers), never
 * from the name or the type the client declares: photos from a phone (JPEG, PNG, WebP, HEIC),
 * scanned minutes (PDF), short videos (MP4, QuickTime), notes (UTF-8 text) and office documents
 * (DOCX, XLSX: ZIP containers, recognised by the parts their central directory lists).
 */
export interface AcceptedType {
  /** The type the attachment is stored and served with. */
  readonly contentType: string;
  /** How a person calls it, for error messages. */
  readonly label: string;
  /** Declared types that agree with these bytes. */
  readonly declaredAs: readonly string[];
}

const type = (contentType: string, label: string, ...aliases: string[]): AcceptedType => ({ contentType, label, declaredAs: [contentType, ...aliases] });

export const ACCEPTED_TYPES = {
  pdf: type('application/pdf', 'PDF', 'application/x-pdf'),
  jpeg: type('image/jpeg', 'JPEG image', 'image/jpg', 'image/pjpeg'),
  png: type('image/png', 'PNG image'),
  webp: type('image/webp', 'WebP image'),
  heic: type('image/heic', 'HEIC/HEIF image', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'),
  mp4: type('video/mp4', 'MP4 video', 'application/mp4', 'video/x-m4v'),
  quicktime: type('video/quicktime', 'QuickTime video'),
  docx: type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word document (DOCX)', 'application/zip'),
  xlsx: type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel workbook (XLSX)', 'application/zip'),
  text: type('text/plain', 'plain text (UTF-8)', 'text/csv'),
} as const satisfies Record<string, AcceptedType>;

export const ACCEPTED_LABELS = Object.values(ACCEPTED_TYPES)
  .map((t) => t.label)
  .join(', ');

/** What the client may send when it does not know the type: the server tells from the bytes. */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** What the storage engine learned while the file streamed past: its first bytes, size, and whether it is clean UTF-8 text. */
export interface SniffInput {
  readonly head: Buffer;
  readonly size: number;
  readonly isText: boolean;
  /** Reads `length` bytes at `position` of the stored file (for the ZIP central directory at its end). */
  readonly read: (position: number, length: number) => Promise<Buffer>;
}

export async function detectType(input: SniffInput): Promise<AcceptedType | undefined> {
  const { head } = input;
  const startsWith = (bytes: number[], at = 0) => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1');

  if (ascii(0, 5) === '%PDF-') return ACCEPTED_TYPES.pdf;
  if (startsWith([0xff, 0xd8, 0xff])) return ACCEPTED_TYPES.jpeg;
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ACCEPTED_TYPES.png;
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return ACCEPTED_TYPES.webp;
  if (ascii(4, 8) === 'ftyp') return isoMediaType(head);
  if (startsWith([0x50, 0x4b, 0x03, 0x04])) return officeDocumentType(await zipEntryNames(input));
  if (input.isText) return ACCEPTED_TYPES.text;
  return undefined;
}

/** ISO base media files (HEIC, MP4, QuickTime) open with an `ftyp` box naming their brands. */
function isoMediaType(head: Buffer): AcceptedType | undefined {
  const boxSize = head.readUInt32BE(0);
  const end = Math.min(head.length, boxSize >= 16 ? boxSize : 16);
  const brands = [head.subarray(8, 12).toString('latin1')];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(head.subarray(at, at + 4).toString('latin1'));
  const has = (list: string[]) => brands.some((b) => list.includes(b));
  if (has(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'])) return ACCEPTED_TYPES.heic;
  if (brands[0] === 'qt  ') return ACCEPTED_TYPES.quicktime;
  if (has(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', 'mmp4', 'f4v '])) return ACCEPTED_TYPES.mp4;
  return undefined;
}

function officeDocumentType(names: Set<string> | undefined): AcceptedType | undefined {
  if (!names?.has('[Content_Types].xml')) return undefined;
  if (names.has('word/document.xml')) return ACCEPTED_TYPES.docx;
  if (names.has('xl/workbook.xml')) return ACCEPTED_TYPES.xlsx;
  return undefined;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const MAX_CENTRAL_DIRECTORY = 4 * 1024 * 1024;

/** The entry names of a ZIP file, from its central directory; undefined when it is not a well-formed ZIP. */
async function zipEntryNames(input: SniffInput): Promise<Set<string> | undefined> {
  if (input.size < EOCD_MIN) return undefined;
  const tailLength = Math.min(input.size, EOCD_MIN + MAX_COMMENT);
  const tail = await input.read(input.size - tailLength, tailLength);
  let eocd = -1;
  for (let at = tail.length - EOCD_MIN; at >= 0; at--) {
    if (tail.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = tail.readUInt16LE(eocd + 10);
  const size = tail.readUInt32LE(eocd + 12);
  const offset = tail.readUInt32LE(eocd + 16);
  if (size > MAX_CENTRAL_DIRECTORY || offset + size > input.size) return undefined;
  const directory = await input.read(offset, size);
  const names = new Set<string>();
  let at = 0;
  for (let i = 0; i < entries && at + 46 <= directory.length; i++) {
    if (directory.readUInt32LE(at) !== CENTRAL_ENTRY_SIGNATURE) return undefined;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    names.add(directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

export type DeclaredCheck = { readonly ok: true; readonly contentType: string } | { readonly ok: false; readonly reason: string };

/**
 * Whether the type the client declared agrees with the bytes. An undeclared (octet-stream) type
 * takes the detected one. Text keeps a declared `text/csv`, always served as UTF-8.
 */
export function checkDeclaredType(detected: AcceptedType, declared: string | undefined): DeclaredCheck {
  const given = (declared ?? '').split(';')[0].trim().toLowerCase();
  const served = (contentType: string) => (detected === ACCEPTED_TYPES.text ? `${contentType}; charset=utf-8` : contentType);
  if (UNDECLARED.has(given)) return { ok: true, contentType: served(detected.contentType) };
  if (detected.declaredAs.includes(given)) {
    return { ok: true, contentType: served(detected === ACCEPTED_TYPES.text ? given : detected.contentType) };
  }
  return {
    ok: false,
    reason:
      `The file was declared as ${given || 'nothing'} but its content is ${detected.label} (${detected.contentType}). ` +
      'Declare the type that matches the content, or application/octet-stream to let the server tell.',
  };
}

/**
 * Incrementally checks that a stream of bytes is UTF-8 text without control characters other
 * than tab, line breaks and form feed (so no binary format passes as text).
 */
export class TextDetector {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private text = true;

  push(chunk: Buffer): void {
    if (!this.text) return;
    try {
      this.text = !CONTROL_CHARACTERS.test(this.decoder.decode(chunk, { stream: true }));
    } catch {
      this.text = false;
    }
  }

  end(): boolean {
    if (!this.text) return false;
    try {
      return !CONTROL_CHARACTERS.test(this.decoder.decode());
    } catch {
      return false;
    }
  }
}

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;
