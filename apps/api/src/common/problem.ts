import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** An RFC 9457 problem: what every error answer of the API looks like (`application/problem+json`). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly errors?: readonly FieldProblem[];
  readonly [extension: string]: unknown;
}

const TITLES: Record<number, { slug: string; title: string }> = {
  400: { slug: 'invalid-request', title: 'Invalid request' },
  401: { slug: 'unauthenticated', title: 'Authentication required' },
  403: { slug: 'forbidden', title: 'Not allowed' },
  404: { slug: 'not-found', title: 'Not found' },
  405: { slug: 'method-not-allowed', title: 'Method not allowed' },
  409: { slug: 'conflict', title: 'Not allowed in the current state' },
  413: { slug: 'payload-too-large', title: 'Payload too large' },
  415: { slug: 'unsupported-media-type', title: 'Unsupported media type' },
  422: { slug: 'unprocessable', title: 'Unprocessable request' },
  429: { slug: 'rate-limited', title: 'Too many requests' },
  500: { slug: 'internal', title: 'Internal error' },
  503: { slug: 'unavailable', title: 'Service unavailable' },
};

export function problemType(status: number): string {
  return `urn:inspectorate:problem:${TITLES[status]?.slug ?? 'error'}`;
}

export function problemTitle(status: number): string {
  return TITLES[status]?.title ?? 'Error';
}

/** Throw one of these anywhere in the API; the problem filter renders it as is. */
export class ProblemException extends HttpException {
  constructor(status: number, detail: string, extra: { errors?: readonly FieldProblem[]; [key: string]: unknown } = {}) {
    const body: ProblemDetails = { type: problemType(status), title: problemTitle(status), status, detail, ...extra };
    super(body, status);
  }
}

export const problems = {
  badRequest: (detail: string, errors?: FieldProblem[]) => new ProblemException(HttpStatus.BAD_REQUEST, detail, errors ? { errors } : {}),
  notFound: (what = 'The resource') => new ProblemException(HttpStatus.NOT_FOUND, `${what} was not found.`),
  forbidden: (detail: string) => new ProblemException(HttpStatus.FORBIDDEN, detail),
  conflict: (detail: string, extra: Record<string, unknown> = {}) => new ProblemException(HttpStatus.CONFLICT, detail, extra),
  unavailable: (detail: string) => new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, detail),
};
