import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { requestContext } from '@inspectorate/observability';

const INCOMING = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * Gives every request an id (the caller's X-Request-Id if sane), echoes it, runs the request in
 * that context so every log line names it, and writes one access-log line when it is answered.
 */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  private readonly logger = new Logger('http');

  use(request: Request, response: Response, next: NextFunction): void {
    const given = request.header('x-request-id');
    const requestId = given && INCOMING.test(given) ? given : randomUUID();
    const started = process.hrtime.bigint();
    response.setHeader('X-Request-Id', requestId);
    const context = { requestId, clientAddress: request.ip };
    requestContext.run(context, () => {
      response.on('finish', () => {
        // Re-enter the context: 'finish' may fire outside it, and the line must carry the ids.
        requestContext.run(context, () =>
          this.logger.log({
            msg: 'request',
            method: request.method,
            path: request.path,
            status: response.statusCode,
            durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n),
          }),
        );
      });
      next();
    });
  }
}
