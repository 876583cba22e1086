import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable } from 'rxjs';
import { canonicalJson } from '@inspectorate/domain';
import { AuthenticatedUser } from '../auth/access.decorators';
import { ProblemException, problems } from '../common/problem';
import { ABANDONED_AFTER_SECONDS, IdempotencyStore, KeptAnswer } from './idempotency-store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

/**
 * How long a repeat waits for the first request with its key: past the time after which an
 * unanswered claim counts as abandoned, so a repeat either replays the first answer or takes the
 * abandoned claim over and runs; the 409 after it is for a claim renewed by yet another repeat.
 */
const WAIT_FOR_FIRST_MS = (ABANDONED_AFTER_SECONDS + 5) * 1000;
const POLL_MS = 50;

const FINGERPRINTED_AFTER_UPLOAD = 'idempotency:fingerprinted-after-upload';

/**
 * Marks a multipart route whose idempotency is handled by `UploadIdempotencyInterceptor`, placed
 * after the file interceptor: the global interceptor runs before the file is received, so it could
 * not fingerprint the file.
 */
export const FingerprintedAfterUpload = () => SetMetadata(FINGERPRINTED_AFTER_UPLOAD, true);

type IdempotentRequest = Request & { user?: AuthenticatedUser; file?: { sha256?: string } };

/**
 * Makes a command safe to send twice, also twice at once: the first request with an
 * Idempotency-Key claims it (atomically, in the database) and its answer is kept; the same key
 * with the same request waits for that answer and gets it again without doing anything. The same
 * key with a different request is refused (422). Server errors are not kept, so they can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    protected readonly reflector: Reflector,
  ) {}

  /** The global interceptor leaves uploads to the one that runs after the file is received. */
  protected handles(context: ExecutionContext): boolean {
    return !this.reflector.get<boolean>(FINGERPRINTED_AFTER_UPLOAD, context.getHandler());
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (!['POST', 'PATCH'].includes(request.method) || key === undefined || !request.user || !this.handles(context)) return next.handle();
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      throw problems.badRequest('The Idempotency-Key header must be 1 to 200 visible ASCII characters.', [
        { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
      ]);
    }
    const userId = request.user.userId;
    const fingerprint = fingerprintOf(request);

    return from(this.firstAnswer(userId, key, fingerprint)).pipe(
      mergeMap((earlier) => {
        if (earlier) return from([replay(earlier, response)]);
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.store.complete(userId, key, { statusCode: response.statusCode, body });
            return body;
          }),
          catchError(async (error: unknown) => {
            const kept = keepableProblem(error);
            if (kept) await this.store.complete(userId, key, kept);
            else await this.store.release(userId, key);
            throw error;
          }),
        );
      }),
    );
  }

  /**
   * Claims the key, or waits for the request that holds it: the kept answer to replay, or
   * undefined when this request now holds the key and must run.
   */
  private async firstAnswer(userId: string, key: string, fingerprint: string): Promise<KeptAnswer | undefined> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const claim = await this.store.claim(userId, key, fingerprint);
      if (claim.kind === 'claimed') return undefined;
      if (claim.fingerprint !== fingerprint) {
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'This Idempotency-Key was already used for a different request.');
      }
      if (claim.kind === 'answered') return claim.answer;
      if (Date.now() > deadline) {
        throw problems.conflict('A request with this Idempotency-Key is still being processed; repeat it later to get its answer.');
      }
      await sleep(POLL_MS);
    }
  }
}

/** The same logic, placed after a file interceptor so that the fingerprint covers the file's bytes. */
@Injectable()
export class UploadIdempotencyInterceptor extends IdempotencyInterceptor {
  protected override handles(): boolean {
    return true;
  }
}

/** Method, path, the JSON body and (for an upload) the SHA-256 of the file: what makes two requests "the same". */
function fingerprintOf(request: IdempotentRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.path}\n${canonicalJson(request.body ?? null)}\n${request.file?.sha256 ?? ''}`)
    .digest('hex');
}

function replay(earlier: KeptAnswer, response: Response): unknown {
  response.setHeader('Idempotent-Replayed', 'true');
  if (earlier.statusCode >= 400) throw new HttpException(earlier.body as object, earlier.statusCode);
  response.status(earlier.statusCode);
  return earlier.body;
}

/** Client errors (problems) are answers like any other and are kept; server errors and 429s are not. */
function keepableProblem(error: unknown): KeptAnswer | undefined {
  if (!(error instanceof HttpException) || error.getStatus() >= 500 || error.getStatus() === 429) return undefined;
  const body = error.getResponse();
  return typeof body === 'object' && body !== null && 'type' in body ? { statusCode: error.getStatus(), body } : undefined;
}
