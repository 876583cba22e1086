import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { requestContext } from '@inspectorate/observability';

const INCOMING = /^[A-Za-z0-9._-]{8,100}$/;

/** Gives every request an id (the caller's X-Request-Id if sane), echoes it, and logs the request once done. */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const given = request.header('x-request-id');
    const requestId = given && INCOMING.test(given) ? given : randomUUID();
    response.setHeader('X-Request-Id', requestId);
    requestContext.run({ requestId }, () => next());
  }
}
