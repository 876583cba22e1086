import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, ReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import { ProblemException } from '../common/problem';
import { TextDetector } from './content-type';

/** How many first bytes are kept in memory for telling the type of a file. */
const HEAD_BYTES = 4096;

/** A file multer has received: in a temporary file, hashed, measured and sniffed on the way. */
export interface ReceivedFile {
  readonly fieldname: string;
  readonly originalname: string;
  readonly mimetype: string;
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly head: Buffer;
  readonly isText: boolean;
}

/**
 * The attachments' bytes on disk, content addressed: `<DATA_DIR>/attachments/ab/cd/<sha256>`.
 * An upload streams into `<DATA_DIR>/attachments/.incoming/` and is renamed into place only once
 * complete (and flushed), so a reader never sees half a file; identical content is kept once.
 */
export class AttachmentStorage {
  readonly root: string;
  private readonly incoming: string;

  constructor(dataDir: string) {
    this.root = path.resolve(dataDir, 'attachments');
    this.incoming = path.join(this.root, '.incoming');
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Moves a received file into place under its hash; if that content is already stored, drops the copy. */
  async commit(file: ReceivedFile): Promise<void> {
    const target = this.pathOf(file.sha256);
    if (await exists(target)) {
      await this.discard(file.path);
      return;
    }
    await mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
    // Two uploads of the same bytes may race here; either rename leaves the same content in place.
    await rename(file.path, target);
  }

  async discard(tempPath: string): Promise<void> {
    await unlink(tempPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  /** Opens a stored file for reading; undefined when its bytes are missing (a broken store). */
  async open(sha256: string): Promise<ReadStream | undefined> {
    const file = this.pathOf(sha256);
    if (!(await exists(file))) return undefined;
    return createReadStream(file);
  }

  /** Reads a byte range of a file (for sniffing ZIP containers at their end). */
  async readRange(file: string, position: number, length: number): Promise<Buffer> {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  /**
   * A multer storage engine writing into the incoming directory while hashing, counting and
   * sniffing the bytes; it refuses a file over `maxBytes` (413) as soon as it passes the limit.
   */
  engine(maxBytes: number) {
    return {
      _handleFile: (_req: Request, file: { stream: NodeJS.ReadableStream; originalname: string; mimetype: string; fieldname: string }, callback: (error: Error | null, info?: Partial<ReceivedFile>) => void) => {
        this.receive(file.stream, maxBytes).then(
          (info) => callback(null, info),
          (error: Error) => callback(error),
        );
      },
      _removeFile: (_req: Request, file: { path?: string }, callback: (error: Error | null) => void) => {
        if (!file.path) return callback(null);
        this.discard(file.path).then(
          () => callback(null),
          (error: Error) => callback(error),
        );
      },
    };
  }

  private async receive(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Pick<ReceivedFile, 'path' | 'size' | 'sha256' | 'head' | 'isText'>> {
    await mkdir(this.incoming, { recursive: true, mode: 0o750 });
    const tempPath = path.join(this.incoming, randomUUID());
    const meter = new Meter(maxBytes);
    try {
      await pipeline(stream, meter, createWriteStream(tempPath, { flags: 'wx', mode: 0o640 }));
      const handle = await open(tempPath, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await this.discard(tempPath);
      // Stop reading this part; multer drains the rest of the request before answering.
      if ('resume' in stream && typeof stream.resume === 'function') stream.resume();
      throw error;
    }
    return { path: tempPath, size: meter.size, sha256: meter.hash.digest('hex'), head: meter.headBytes(), isText: meter.text.end() };
  }
}

/** Passes bytes through while hashing and counting them, keeping the first few, and stops past the limit. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  readonly text = new TextDetector();
  size = 0;
  private readonly head: Buffer[] = [];
  private headLength = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new ProblemException(413, `The file is larger than the limit of ${describeBytes(this.maxBytes)}.`, { maxBytes: this.maxBytes }));
      return;
    }
    this.hash.update(chunk);
    this.text.push(chunk);
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.head.push(part);
      this.headLength += part.length;
    }
    callback(null, chunk);
  }

  headBytes(): Buffer {
    return Buffer.concat(this.head);
  }
}

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
