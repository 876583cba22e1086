import { rmSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { TestStack } from '../../harness/stack';
import { TestUser } from '../../harness/people';

export type Method = 'GET' | 'POST' | 'PATCH';

/** A file part of a multipart upload. */
export interface Upload {
  readonly field?: string;
  readonly content: Buffer;
  readonly fileName: string;
  readonly contentType: string;
}

export interface RawRequest {
  readonly method: Method;
  /** The full path, with the /api/v1 prefix where the route has it. */
  readonly path: string;
  readonly body?: unknown;
  /** A raw body sent as is with this content type (for bodies that are not JSON). */
  readonly raw?: { readonly content: string | Buffer; readonly contentType: string };
  readonly upload?: Upload | readonly Upload[];
  /** Text fields of a multipart request. */
  readonly fields?: Record<string, string>;
  readonly headers?: Record<string, string>;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
  readonly body: unknown;
  readonly bytes?: Buffer;
}

/** Sends a request as `user` (or without a token), however malformed its body. */
export async function send(stack: TestStack, user: TestUser | undefined, req: RawRequest): Promise<RawResponse> {
  const agent = request(stack.api.baseUrl);
  let r = req.method === 'GET' ? agent.get(req.path) : req.method === 'POST' ? agent.post(req.path) : agent.patch(req.path);
  if (user) r = r.set('Authorization', `Bearer ${await stack.api.token(user)}`);
  for (const [name, value] of Object.entries(req.headers ?? {})) r = r.set(name, value);
  if (req.upload || req.fields) {
    for (const [name, value] of Object.entries(req.fields ?? {})) r = r.field(name, value);
    for (const part of req.upload === undefined ? [] : Array.isArray(req.upload) ? req.upload : [req.upload as Upload]) {
      r = r.attach(part.field ?? 'file', part.content, { filename: part.fileName, contentType: part.contentType });
    }
  } else if (req.raw) {
    r = r.set('Content-Type', req.raw.contentType).send(req.raw.content);
  } else if (req.body !== undefined) {
    r = r.set('Content-Type', 'application/json').send(JSON.stringify(req.body));
  }
  if (req.method === 'GET') r = r.buffer(true).parse(binaryParser);
  const res = await r;
  const bytes = Buffer.isBuffer(res.body) ? (res.body as Buffer) : undefined;
  const text = bytes ? bytes.toString('utf8') : res.text;
  let body: unknown = bytes ? undefined : res.body;
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  return { status: res.status, headers: res.headers as Record<string, string>, text, body, bytes };
}

function binaryParser(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
  stream.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
}

/** Runs `work` over `items` with at most `limit` at a time, keeping their order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(runners);
  return results;
}

/** A small UTF-8 text file, the simplest accepted attachment. */
export function textFile(text: string, fileName = 'bien-ban.txt'): Upload {
  return { content: Buffer.from(text, 'utf8'), fileName, contentType: 'text/plain' };
}

export async function uploadAttachment(stack: TestStack, user: TestUser, file: Upload): Promise<{ id: string; sha256: string; size: number; contentType: string }> {
  const res = await send(stack, user, { method: 'POST', path: '/api/v1/attachments', upload: file });
  if (res.status !== 201) throw new Error(`upload by ${user.username} failed: ${res.status} ${res.text}`);
  return res.body as { id: string; sha256: string; size: number; contentType: string };
}

/** Stops a stack and removes the attachments it stored (its DATA_DIR is its own). */
export async function stopAndClean(stack: TestStack | undefined): Promise<void> {
  if (!stack) return;
  await stack.stop();
  rmSync(path.resolve(stack.config.DATA_DIR), { recursive: true, force: true });
}
