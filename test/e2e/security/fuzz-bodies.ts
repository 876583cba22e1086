import fc from 'fast-check';
import { Upload } from './http';

/**
 * Generators of malformed requests. Each endpoint is described by a valid body and, per field, what
 * makes that field invalid; every generated request carries at least one defect the API must refuse
 * before anything is written (a wrong type, a missing or extra field, a value out of its domain, a
 * body that is not a JSON object, not JSON, too deep or too large), often together with hostile but
 * well-formed values in the other fields (injection strings, markup, odd Unicode).
 */

/** What a request body looks like on the wire: JSON, or raw bytes with a content type. */
export type FuzzBody =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'raw'; readonly content: string | Buffer; readonly contentType: string }
  | { readonly kind: 'upload'; readonly parts: readonly Upload[]; readonly fields?: Record<string, string> };

export interface Field {
  readonly name: string;
  readonly required: boolean;
  /** Values this field can never take. */
  readonly invalid: fc.Arbitrary<unknown>;
  /** Well-formed values that are hostile in content (for a text field), to ride along with a defect elsewhere. */
  readonly hostile?: fc.Arbitrary<unknown>;
}

export const INJECTIONS = [
  "'; DROP TABLE events;--",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)',
  '{"$gt":""}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("return process")()}}',
  '${process.env.JWT_SECRET}',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '👮‍♀️🏛️',
  'Z̴̡̗͍̝̝̙̈́͑̈́̓a̷͉̬̩͚͑l̵̡̛̯̲̣̄g̴̫̹̈́o̶̦͓̓̾',
  'Ω≈ç√∫˜µ≤≥÷',
  '\\u0041',
  'null',
  'undefined',
  'NaN',
  '-1e999',
];

const WRONG_TYPES: unknown[] = [0, -1, 1.5, true, false, null, [], {}, [1, 2], { $gt: '' }, { $ne: null }, { __proto__: { admin: true } }];
const HOSTILE_OBJECTS: unknown[] = [{ $gt: '' }, { $where: 'sleep(1000)' }, { toString: 'x' }, { valueOf: 1 }, { length: 1e9 }];

export const hostileText = (max: number) =>
  fc.oneof(
    fc.constantFrom(...INJECTIONS),
    fc.string({ minLength: 1, maxLength: Math.min(max, 40), unit: 'grapheme' }).filter((s) => s.trim().length > 0),
    fc.string({ minLength: 1, maxLength: Math.min(max, 40), unit: 'binary' }).filter((s) => s.trim().length > 0),
  );

const wrongType = (...except: ('string' | 'number' | 'boolean' | 'object' | 'array')[]) =>
  fc.constantFrom(
    ...[...WRONG_TYPES, ...HOSTILE_OBJECTS, 'x', '12'].filter((v) => {
      const type = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
      return !except.includes(type as never);
    }),
  );

/** A required text, trimmed, 1..max characters. */
export const text = (name: string, max: number, required = true): Field => ({
  name,
  required,
  invalid: fc.oneof(fc.constantFrom('', '   ', '\t\n', 'x'.repeat(max + 1), 'đ'.repeat(max + 1)), wrongType('string')),
  hostile: hostileText(max),
});

/** A text that may be empty, at most max characters. */
export const textOrEmpty = (name: string, max: number, required = true): Field => ({
  name,
  required,
  invalid: fc.oneof(fc.constantFrom('x'.repeat(max + 1)), wrongType('string')),
  hostile: hostileText(max),
});

export const INVALID_DATES = [
  '2023-02-30',
  '2023-02-29',
  '2023-04-31',
  '2023-13-01',
  '2023-00-10',
  '2023-01-00',
  '0000-00-00',
  '9999-99-99',
  '2023-1-1',
  '20230101',
  '01/02/2023',
  '2023-02-10T25:00:00Z',
  '2023-02-10T10:61:00Z',
  '2023-02-10T10:00:00+99:99',
  '2023-02-10T10:00:00',
  '2023-02-30T10:00:00Z',
  'tomorrow',
  '',
  '2023-02-10; DROP TABLE events',
  "2023-02-10' OR '1'='1",
];

export const date = (name: string, required = true): Field => ({ name, required, invalid: fc.oneof(fc.constantFrom(...INVALID_DATES), wrongType('string')) });

export const uuid = (name: string, required = true): Field => ({
  name,
  required,
  invalid: fc.oneof(
    fc.constantFrom('not-a-uuid', "' OR '1'='1", '00000000-0000-0000-0000-00000000000g', '{8e4c2b52-0c4b-4f0e-9c1f-2f2d3b8f1a7e}', '8e4c2b520c4b4f0e9c1f2f2d3b8f1a7e', ''),
    fc.string({ maxLength: 36 }).filter((s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)),
    wrongType('string'),
  ),
});

export const oneOf = (name: string, values: readonly string[], required = true): Field => ({
  name,
  required,
  invalid: fc.oneof(
    fc.constantFrom('DROP TABLE', '<script>', '', ...values.map((v) => v.toUpperCase()), ...values.map((v) => ` ${v}`)),
    fc.string({ maxLength: 20 }).filter((s) => !values.includes(s)),
    wrongType('string'),
  ),
});

export const pattern = (name: string, bad: string[], required = true): Field => ({
  name,
  required,
  invalid: fc.oneof(fc.constantFrom(...bad), wrongType('string')),
});

export const integer = (name: string, min: number, max: number, required = true): Field => ({
  name,
  required,
  invalid: fc.oneof(fc.constantFrom(min - 1, max + 1, min + 0.5, 1e308, -1e308, `${min}`), wrongType('number')),
});

/** An array field: invalid as a whole (wrong type, too many, too few) or through one bad item. */
export const list = (name: string, options: { required?: boolean; min?: number; max: number; valid: unknown; badItems: unknown[]; badLists?: unknown[][] }): Field => ({
  name,
  required: options.required ?? true,
  invalid: fc.oneof(
    wrongType('array'),
    fc.constantFrom(
      ...(options.min ? [[]] : []),
      Array.from({ length: options.max + 1 }, () => options.valid),
      ...options.badItems.map((item) => [options.valid, item]),
      ...options.badItems.map((item) => [item]),
      ...(options.badLists ?? []),
    ),
  ),
});

export const object = (name: string, bad: unknown[], required = false): Field => ({ name, required, invalid: fc.oneof(fc.constantFrom(...bad), wrongType('object')) });

export interface BodySpec {
  /** A body the endpoint would accept as it is (never sent unmodified). */
  readonly valid: Record<string, unknown>;
  readonly fields: readonly Field[];
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', '$where', 'isAdmin', 'role', 'userId', 'actor', 'status', "'; DROP TABLE events;--", '', ' ', 'a.b', 'a[b]'];

/** Nested `depth` levels deep, as JSON text (so the depth reaches the parser as sent). */
function deeplyNested(depth: number, open: string, close: string): string {
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

function withField(spec: BodySpec, name: string, value: unknown): Record<string, unknown> {
  return { ...spec.valid, [name]: value };
}

/** The arbitrary of malformed requests for one endpoint's JSON body. */
export function malformedJson(spec: BodySpec, limitBytes: number): fc.Arbitrary<FuzzBody> {
  const json = (value: unknown): FuzzBody => ({ kind: 'json', value });
  const raw = (content: string | Buffer, contentType: string): FuzzBody => ({ kind: 'raw', content, contentType });
  const required = spec.fields.filter((f) => f.required);
  // An optional field sent as null is the same as one left out: not a defect.
  const invalidOf = (f: Field) => (f.required ? f.invalid : f.invalid.filter((v) => v !== null && v !== undefined));
  const hostileFields = spec.fields.filter((f) => f.hostile);

  /** Hostile but well-formed values in some text fields (never a defect by themselves). */
  const decorate = (body: Record<string, unknown>, skip: readonly string[]): fc.Arbitrary<Record<string, unknown>> =>
    hostileFields.length === 0
      ? fc.constant(body)
      : fc
          .subarray(hostileFields.filter((f) => !skip.includes(f.name)))
          .chain((chosen) =>
            chosen.length === 0 ? fc.constant(body) : fc.tuple(...chosen.map((f) => f.hostile!)).map((values) => ({ ...body, ...Object.fromEntries(chosen.map((f, i) => [f.name, values[i]])) })),
          );

  const arbitraries: { weight: number; arbitrary: fc.Arbitrary<FuzzBody> }[] = [];
  if (spec.fields.length > 0) {
    // One field out of its domain (wrong type, bad value), the rest possibly hostile.
    const fieldDefect = fc
      .constantFrom(...spec.fields)
      .chain((field) => invalidOf(field).chain((value) => decorate(withField(spec, field.name, value), [field.name])))
      .map(json);
    arbitraries.push({ weight: 8, arbitrary: fieldDefect });
    // Several fields out of their domain at once.
    const many = fc
      .subarray([...spec.fields], { minLength: 1 })
      .chain((fields) => fc.tuple(...fields.map(invalidOf)).map((values) => json({ ...spec.valid, ...Object.fromEntries(fields.map((f, i) => [f.name, values[i]])) })));
    arbitraries.push({ weight: 2, arbitrary: many });
  }
  if (required.length > 0) {
    const missing = fc.subarray(required, { minLength: 1 }).chain((gone) => {
      const body = Object.fromEntries(Object.entries(spec.valid).filter(([key]) => !gone.some((f) => f.name === key)));
      return decorate(body, gone.map((f) => f.name)).map(json);
    });
    arbitraries.push({ weight: 3, arbitrary: missing });
  }
  // An extra field, however it is named, possibly hostile in value too.
  const extra = fc
    .tuple(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ minLength: 1, maxLength: 30 })), fc.oneof(fc.constantFrom(...WRONG_TYPES, ...INJECTIONS), fc.jsonValue({ maxDepth: 3 })))
    .filter(([key]) => !(key in spec.valid) && !spec.fields.some((f) => f.name === key))
    .map(([key, value]) => {
      // Written as text so that "__proto__" reaches the server as an own key, as an attacker sends it.
      const body = JSON.stringify(spec.valid);
      const member = `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`;
      return raw(body === '{}' ? `{${member}}` : `${body.slice(0, -1)},${member}}`, 'application/json');
    });
  arbitraries.push({ weight: 4, arbitrary: extra });
  // Not a JSON object at all, not JSON, not declared as JSON, too deep, too big.
  const whole = fc.oneof(
    fc.constantFrom<FuzzBody>(
      raw('[]', 'application/json'),
      raw(JSON.stringify([spec.valid]), 'application/json'),
      raw('"a string"', 'application/json'),
      raw('42', 'application/json'),
      raw('true', 'application/json'),
      raw('null', 'application/json'),
      raw('{', 'application/json'),
      raw('{"a":1,}', 'application/json'),
      raw("{'single':'quotes'}", 'application/json'),
      raw('{"a":NaN}', 'application/json'),
      raw(Buffer.from([0xff, 0xfe, 0x00, 0x7b]), 'application/json'),
      raw(JSON.stringify(spec.valid), 'application/json; charset=utf-16'),
      raw(JSON.stringify(spec.valid), 'text/plain'),
      raw(JSON.stringify(spec.valid), 'application/xml'),
      raw('<command><start/></command>', 'application/xml'),
      raw(new URLSearchParams(Object.entries(spec.valid).map(([k, v]) => [k, String(v)] as [string, string])).toString() || 'a=1', 'application/x-www-form-urlencoded'),
      raw(`--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n`, 'multipart/form-data; boundary=x'),
      raw(JSON.stringify(spec.valid), 'application/octet-stream'),
      raw(JSON.stringify(spec.valid), 'application/x-json'),
      raw(deeplyNested(5000, '{"a":', '}'), 'application/json'),
      raw(deeplyNested(5000, '[', ']'), 'application/json'),
      raw(`{"x":${deeplyNested(40, '{"a":', '}')}}`, 'application/json'),
      raw(JSON.stringify({ ...spec.valid, pad: 'x'.repeat(limitBytes) }), 'application/json'),
      raw(`{${Array.from({ length: 3000 }, (_, i) => `"k${i}":${i}`).join(',')}}`, 'application/json'),
    ),
    fc.jsonValue({ maxDepth: 4 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((v) => raw(JSON.stringify(v), 'application/json')),
    fc.string({ minLength: 1, maxLength: 200 }).map((s) => raw(s, 'text/plain')),
  );
  arbitraries.push({ weight: 3, arbitrary: whole });
  return fc.oneof(...arbitraries);
}

/** Files no inspection accepts, or upload requests that are malformed. None may be stored. */
export function malformedUpload(limitBytes: number): fc.Arbitrary<FuzzBody> {
  const upload = (parts: Upload[], fields?: Record<string, string>): FuzzBody => ({ kind: 'upload', parts, ...(fields ? { fields } : {}) });
  const raw = (content: string | Buffer, contentType: string): FuzzBody => ({ kind: 'raw', content, contentType });
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
  // Never an accepted type: a NUL byte first rules out text, and no accepted signature starts with one.
  const binary = fc.uint8Array({ minLength: 1, maxLength: 2048 }).map((bytes) => Buffer.concat([Buffer.from([0]), Buffer.from(bytes)]));
  const names = fc.oneof(fc.constantFrom('../../etc/passwd', '..\\..\\boot.ini', 'a"b.pdf', 'x\r\ny.pdf', '', '.', 'ảnh hiện trường.jpg', 'a'.repeat(300)), fc.string({ maxLength: 60 }));
  const declared = fc.oneof(
    fc.constantFrom('application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'text/html', 'image/svg+xml', 'application/x-msdownload', 'application/octet-stream', 'application/zip', 'video/mp4'),
    fc.string({ maxLength: 30 }),
  );
  return fc.oneof(
    // Content of no accepted type, whatever it is called or declared as.
    fc.tuple(binary, names, declared).map(([content, fileName, contentType]) => upload([{ content, fileName: fileName || 'x', contentType: contentType || 'application/octet-stream' }])),
    // Known formats the allow-list leaves out, or that lie about what they are.
    fc.constantFrom<FuzzBody>(
      upload([{ content: Buffer.from('GIF89a\x01\x00\x01\x00'), fileName: 'a.gif', contentType: 'image/gif' }]),
      upload([{ content: Buffer.from('MZ\x90\x00\x03\x00'), fileName: 'setup.exe', contentType: 'application/octet-stream' }]),
      upload([{ content: Buffer.from('\x7fELF\x02\x01\x01'), fileName: 'a.pdf', contentType: 'application/pdf' }]),
      upload([{ content: Buffer.from('<html><script>alert(1)</script></html>'), fileName: 'a.html', contentType: 'text/html' }]),
      upload([{ content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), fileName: 'a.svg', contentType: 'image/svg+xml' }]),
      upload([{ content: Buffer.from('PK\x03\x04\x14\x00\x00\x00'), fileName: 'a.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }]),
      upload([{ content: PNG, fileName: 'a.pdf', contentType: 'application/pdf' }]),
      upload([{ content: PDF, fileName: 'a.png', contentType: 'image/png' }]),
      upload([{ content: PDF, fileName: 'a.txt', contentType: 'text/plain' }]),
      upload([{ content: Buffer.from('Biên bản'), fileName: 'a.pdf', contentType: 'application/pdf' }]),
      upload([{ content: Buffer.alloc(0), fileName: 'empty.txt', contentType: 'text/plain' }]),
      upload([{ content: Buffer.concat([PDF, Buffer.alloc(limitBytes)]), fileName: 'big.pdf', contentType: 'application/pdf' }]),
      upload([{ field: 'attachment', content: PDF, fileName: 'a.pdf', contentType: 'application/pdf' }]),
      upload([
        { content: PDF, fileName: 'a.pdf', contentType: 'application/pdf' },
        { content: PDF, fileName: 'b.pdf', contentType: 'application/pdf' },
      ]),
      upload([], { file: 'not a file' }),
      upload([{ content: Buffer.from('\0'), fileName: 'a.txt', contentType: 'text/plain' }], Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x']))),
      raw(JSON.stringify({ file: 'JVBERi0xLjQ=' }), 'application/json'),
      raw('%PDF-1.4', 'application/pdf'),
      raw('file=x', 'application/x-www-form-urlencoded'),
      raw('--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4', 'multipart/form-data; boundary=x'),
      raw('no boundary here', 'multipart/form-data'),
      raw('--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n\0\r\n--x--\r\n', 'multipart/form-data; boundary=x'),
      raw('--x\r\nGarbage\r\n\r\n\0\r\n--x--\r\n', 'multipart/form-data; boundary=x'),
      raw('--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n\0\r\n--y--\r\n', 'multipart/mixed; boundary=x'),
    ),
  );
}

/**
 * Import uploads the API must refuse (4xx) and that write nothing: no file, a file that is
 * neither an Excel workbook nor UTF-8 text, a zip that is no workbook, too large, in the wrong
 * part, several files, not multipart. For an apply, also readable files whose rows or header are
 * wrong (a dry run answers those with a 200 report of their errors instead).
 */
export function malformedImport(options: { apply: boolean; maxBytes: number }): fc.Arbitrary<FuzzBody> {
  const upload = (parts: Upload[], fields?: Record<string, string>): FuzzBody => ({ kind: 'upload', parts, ...(fields ? { fields } : {}) });
  const raw = (content: string | Buffer, contentType: string): FuzzBody => ({ kind: 'raw', content, contentType });
  const file = (content: Buffer, fileName = 'nhap.csv', contentType = 'text/csv') => upload([{ content, fileName, contentType }]);
  const HEADER = 'Mã đơn vị,Tên đơn vị,Loại đơn vị,Tên đăng nhập,Họ và tên,Vai trò';
  // 0xFF never occurs in UTF-8, and no zip starts with it: unreadable whatever follows.
  const unreadable = fc.uint8Array({ minLength: 0, maxLength: 2048 }).map((bytes) => Buffer.concat([Buffer.from([0xff]), Buffer.from(bytes)]));
  const names = fc.oneof(fc.constantFrom('../../etc/passwd', 'a"b.xlsx', 'x\r\ny.csv', '', 'danh sách.xlsx', 'a'.repeat(300)), fc.string({ maxLength: 60 }));
  const structural = fc.oneof(
    fc.tuple(unreadable, names).map(([content, fileName]) => file(content, fileName || 'x', 'application/octet-stream')),
    fc.constantFrom<FuzzBody>(
      file(Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000garbage that is no zip'), 'a.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      file(Buffer.from([0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0)]), 'empty.xlsx', 'application/zip'),
      file(Buffer.alloc(0)),
      file(Buffer.from(`${HEADER}\r\n"unterminated,quote\r\n`)),
      file(Buffer.concat([Buffer.from(`${HEADER}\r\n`), Buffer.alloc(options.maxBytes, 0x61)])),
      file(Buffer.from('Mã đơn vị\r\n\u00e3', 'latin1')),
      upload([{ field: 'attachment', content: Buffer.from(`${HEADER}\r\n`), fileName: 'a.csv', contentType: 'text/csv' }]),
      upload([
        { content: Buffer.from(`${HEADER}\r\n`), fileName: 'a.csv', contentType: 'text/csv' },
        { content: Buffer.from(`${HEADER}\r\n`), fileName: 'b.csv', contentType: 'text/csv' },
      ]),
      upload([], { file: 'not a file' }),
      upload([], Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x']))),
      raw(JSON.stringify({ rows: [{ unitCode: 'X' }] }), 'application/json'),
      raw(`${HEADER}\r\n`, 'text/csv'),
      raw('no boundary here', 'multipart/form-data'),
      raw('--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nMã', 'multipart/form-data; boundary=x'),
    ),
  );
  if (!options.apply) return structural;
  const cell = fc.oneof(fc.constantFrom(...INJECTIONS.filter((s) => !s.includes('\u0000'))), fc.string({ maxLength: 30 }));
  const badRows = fc
    .array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 20 })
    .map((rows) => [...rows, ['sai mã', '', 'hành tinh', '', '', '']])
    .map((rows) => file(Buffer.from(`\uFEFF${[HEADER, ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\r\n')}\r\n`, 'utf8')));
  const badHeader = fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 8 }).map((header) => file(Buffer.from(`${header.map((h) => `"${h.replace(/"/g, '""')}"`).join(',')}\r\nA,B\r\n`)));
  return fc.oneof(structural, badRows, badHeader);
}

/** A query parameter: values it can never take (as sent on the wire) and one it can. */
export interface QueryParam {
  readonly name: string;
  /** A value it may take; none for a parameter only the API makes (a cursor). */
  readonly valid?: string;
  readonly invalid: fc.Arbitrary<string>;
  /** Whether repeating it is allowed (a list such as kind=a&kind=b). */
  readonly repeatable?: boolean;
}

/**
 * Malformed query strings for a GET: each carries at least one defect (a parameter out of its
 * domain, a single-valued one sent twice, a parameter the endpoint does not know), with valid or
 * hostile values in the others.
 */
export function malformedQuery(params: readonly QueryParam[]): fc.Arbitrary<string> {
  const pair = (name: string, value: string) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  const withValid = params.filter((p): p is QueryParam & { valid: string } => p.valid !== undefined);
  const validOthers = (skip: string) => fc.subarray(withValid.filter((p) => p.name !== skip)).map((chosen) => chosen.map((p) => pair(p.name, p.valid)));
  const oneBad = fc
    .constantFrom(...params)
    .chain((p) => fc.tuple(p.invalid, validOthers(p.name)).map(([value, others]) => [pair(p.name, value), ...others]));
  const twice = fc
    .constantFrom(...withValid.filter((p) => !p.repeatable))
    .chain((p) => fc.tuple(fc.oneof(fc.constant(p.valid), p.invalid), validOthers(p.name)).map(([value, others]) => [pair(p.name, p.valid), pair(p.name, value), ...others]));
  const unknown = fc
    .tuple(
      fc.string({ minLength: 1, maxLength: 20 }).filter((name) => !params.some((p) => p.name === name) && !['__proto__', 'constructor'].includes(name) && name.trim() === name && name !== ''),
      hostileText(40),
      validOthers(''),
    )
    .map(([name, value, others]) => [pair(name, value), ...others]);
  return fc.oneof({ weight: 6, arbitrary: oneBad }, { weight: 2, arbitrary: twice }, { weight: 2, arbitrary: unknown }).chain((pairs) => fc.shuffledSubarray(pairs, { minLength: pairs.length }).map((shuffled) => shuffled.join('&')));
}

/** Query parameter values that are never a date (YYYY-MM-DD) or an instant with an offset. */
export const queryDate = (name: string): QueryParam => ({ name, valid: '2026-01-01', invalid: fc.constantFrom(...INVALID_DATES, '2026-01-01T00:00:00Z; DROP TABLE audit_log', '[object Object]', 'null') });

export const queryUuid = (name: string): QueryParam => ({
  name,
  valid: '8e4c2b52-0c4b-4f0e-9c1f-2f2d3b8f1a7e',
  invalid: fc.oneof(
    fc.constantFrom('not-a-uuid', "' OR '1'='1", '00000000-0000-0000-0000-00000000000g', '', 'null'),
    fc.string({ maxLength: 36 }).filter((s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)),
  ),
});

export const queryOneOf = (name: string, values: readonly string[], options: { repeatable?: boolean } = {}): QueryParam => ({
  name,
  valid: values[0],
  repeatable: options.repeatable,
  invalid: fc.oneof(
    fc.constantFrom('DROP TABLE', '<script>', '', ...values.map((v) => v.toUpperCase()), ...values.map((v) => ` ${v}`), `${values[0]},nope`),
    fc.string({ maxLength: 20 }).filter((s) => s.split(',').some((part) => !values.includes(part))),
  ),
});
