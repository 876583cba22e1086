import { HttpStatus, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException, problems } from './problem';

/** Routes that take a multipart upload instead of JSON (method and full path). */
const MULTIPART_ROUTES = new Set(['POST /api/v1/attachments', 'POST /api/v1/imports/dry-run', 'POST /api/v1/imports/apply']);

/** Deeper than any body of the API (a campaign's policy is 4 levels down); deeper is an attack on recursion. */
export const MAX_BODY_DEPTH = 20;
/** More values than any honest body of the API has (a campaign of 200 targets is ~1,000). */
export const MAX_BODY_NODES = 20_000;
/**
 * Keys that have no business in a body or a query and that the transformers mishandle instead of
 * refusing: `__proto__`, `constructor` and `prototype` are dropped silently, and a name of
 * Object.prototype (`valueOf`, `toString`, …) passes the whitelist as if it were a declared field
 * (the fuzzing of the audit log's query found `?valueOf=` answered 200).
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);
/** NUL, or a high surrogate without its low half, or a low one without its high half. */
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What a request body may be, before anything reads it:
 * - sent as JSON (or as multipart to an upload route): any other type would be ignored by the
 *   parsers and read as an empty body, so `<xml/>` sent to a command without fields would run it (415);
 * - a JSON object: an array or a bare value is not a command (400);
 * - not nested deeper than MAX_BODY_DEPTH nor larger than MAX_BODY_NODES, which would otherwise
 *   overflow the stack of the recursive transformers (a 500);
 * - without `__proto__`, `constructor` or `prototype` keys, which class-transformer drops
 *   silently, so the whitelist never sees them (400 instead);
 * - without text PostgreSQL cannot store: a NUL character or half a surrogate pair. Such text
 *   passes every validator and the domain, and then fails the insert: a 500 for a unit or a login,
 *   and for a command an event that can never be appended, retried forever, blocking the
 *   inspection's workflow and every later command to it (503s).
 */
@Injectable()
export class RequestBodyMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const badParameter = queryProblem(request.query);
    if (badParameter) throw problems.badRequest(badParameter);
    if (!hasBody(request)) return next();
    if (request.is('multipart/form-data')) {
      if (MULTIPART_ROUTES.has(`${request.method} ${request.originalUrl.split('?')[0].replace(/\/+$/, '')}`)) return next();
      throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'This endpoint takes a JSON body (Content-Type: application/json).');
    }
    if (!request.is(['application/json', 'application/*+json'])) {
      throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'Send the body as JSON (Content-Type: application/json).');
    }
    const problem = shapeProblem(request.body);
    if (problem) throw problems.badRequest(problem);
    next();
  }
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Names a query parameter the API refuses before validation (see FORBIDDEN_KEYS), if any. */
export function queryProblem(query: unknown): string | undefined {
  if (typeof query !== 'object' || query === null) return undefined;
  const key = Object.keys(query).find((name) => FORBIDDEN_KEYS.has(name));
  return key === undefined ? undefined : `The query may not contain a "${key}" parameter.`;
}

/** Walks a parsed body without recursion; names what is wrong with its shape, if anything. */
export function shapeProblem(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The body must be a JSON object.';
  const pending: { value: unknown; depth: number }[] = [{ value: body, depth: 1 }];
  let nodes = 0;
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (++nodes > MAX_BODY_NODES) return `The body has more than ${MAX_BODY_NODES} values.`;
    if (typeof value === 'string') {
      if (UNSTORABLE_TEXT.test(value)) return 'The body contains text that cannot be stored (a NUL character or an unpaired surrogate).';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_BODY_DEPTH) return `The body is nested deeper than ${MAX_BODY_DEPTH} levels.`;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `The body may not contain a "${key}" key.`;
      if (UNSTORABLE_TEXT.test(key)) return 'The body contains a key that cannot be stored (a NUL character or an unpaired surrogate).';
      pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return undefined;
}
