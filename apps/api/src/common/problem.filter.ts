import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { localizeProblem, requestedLanguage } from '../i18n/localize';
import { ProblemDetails, problemTitle, problemType } from './problem';

/**
 * Renders every error as `application/problem+json`. Known errors keep their status and detail;
 * anything unexpected becomes a bare 500 whose details go to the log, never to the client.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const problem = this.toProblem(exception, request);
    if (problem.status >= 500) {
      this.logger.error(exception instanceof Error ? exception : String(exception), `${request.method} ${request.originalUrl} failed`);
    }
    if (response.headersSent) return;
    if (problem.status === 429 && !response.getHeader('Retry-After')) response.setHeader('Retry-After', '60');
    // In the caller's language when Accept-Language names vi or en; otherwise in English, as always.
    const language = requestedLanguage(request.headers['accept-language']);
    response.vary('Accept-Language');
    if (language) response.setHeader('Content-Language', language);
    const body = language ? localizeProblem(problem, language) : problem;
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, request: Request): ProblemDetails {
    if (exception instanceof ThrottlerException) return basic(HttpStatus.TOO_MANY_REQUESTS, 'Too many requests; try again later.');
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && 'type' in body && 'detail' in body) return body as ProblemDetails;
      return basic(status, describe(status, body, request));
    }
    const status = statusOfLowLevelError(exception);
    if (status) return basic(status, describe(status, undefined, request));
    return basic(HttpStatus.INTERNAL_SERVER_ERROR, 'Something went wrong on our side; it has been logged.');
  }
}

function basic(status: number, detail: string): ProblemDetails {
  return { type: problemType(status), title: problemTitle(status), status, detail };
}

function describe(status: number, body: unknown, request: Request): string {
  if (status === 404) return `No resource at ${request.method} ${request.path}.`;
  if (status === 413) return 'The request body is too large.';
  if (typeof body === 'string') return body;
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return problemTitle(status);
}

/** body-parser and multer errors carry a status (malformed JSON → 400, too large → 413). */
function statusOfLowLevelError(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, statusCode, code } = exception as { status?: unknown; statusCode?: unknown; code?: unknown };
  if (code === 'LIMIT_FILE_SIZE') return 413;
  if (typeof code === 'string' && code.startsWith('LIMIT_')) return 400;
  const value = typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : undefined;
  return value && value >= 400 && value < 500 ? value : undefined;
}
