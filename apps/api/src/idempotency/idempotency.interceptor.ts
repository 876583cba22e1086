import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { canonicalJson } from '@inspectorate/domain';
import { IdempotencyRecordEntity } from '@inspectorate/database';
import { AuthenticatedUser } from '../auth/access.decorators';
import { ProblemException, problems } from '../common/problem';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

/**
 * Makes a command safe to send twice: the first answer to an Idempotency-Key is kept, and the
 * same key with the same request gets that answer again without doing anything. The same key
 * with a different request is refused (422). Server errors are not kept, so they can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (!['POST', 'PATCH'].includes(request.method) || key === undefined || !request.user) return next.handle();
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      throw problems.badRequest('The Idempotency-Key header must be 1 to 200 visible ASCII characters.', [
        { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
      ]);
    }
    const userId = request.user.userId;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.path}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    const repo = this.db.getRepository(IdempotencyRecordEntity);

    return from(repo.findOne({ where: { userId, key } })).pipe(
      mergeMap((earlier) => {
        if (earlier) {
          if (earlier.fingerprint !== fingerprint) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'This Idempotency-Key was already used for a different request.');
          }
          response.setHeader('Idempotent-Replayed', 'true');
          if (earlier.statusCode >= 400) throw new HttpException(earlier.body as object, earlier.statusCode);
          response.status(earlier.statusCode);
          return from([earlier.body]);
        }
        const remember = async (statusCode: number, body: unknown) => {
          // A 204 has no body; the column holds JSON, so "no body" is stored as JSON null (SQL NULL is refused).
          const stored = body === undefined || body === null ? () => "'null'::jsonb" : (body as object);
          await repo.createQueryBuilder().insert().values({ userId, key, fingerprint, statusCode, body: stored }).orIgnore().execute();
        };
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await remember(response.statusCode, body);
            return body;
          }),
          catchError(async (error: unknown) => {
            if (error instanceof HttpException && error.getStatus() < 500 && error.getStatus() !== 429) {
              const body = error.getResponse();
              if (typeof body === 'object' && body !== null && 'type' in body) await remember(error.getStatus(), body);
            }
            throw error;
          }),
        );
      }),
    );
  }
}
