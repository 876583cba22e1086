import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiHeaderOptions, ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { INSPECTION_STATUSES } from '@inspectorate/domain';

/**
 * What the OpenAPI document says about answers that are not a resource: errors (one schema,
 * `ProblemDetails`, for every `application/problem+json` answer) and files (bytes).
 */

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

@ApiSchema({ name: 'FieldProblem', description: 'What is wrong with one field of the request.' })
export class FieldProblemView {
  @ApiProperty({ example: 'targets.0.windowEnd', description: 'The field, as a path with dots between levels (`items.2.plan.dueDate`); or a header or part name (`Idempotency-Key`, `file`).' })
  readonly field!: string;

  @ApiProperty({ example: 'must be a date (YYYY-MM-DD) or a date-time with an offset (ISO 8601) that exists' })
  readonly message!: string;
}

@ApiSchema({
  name: 'ProblemDetails',
  description:
    'An error (RFC 9457), sent as application/problem+json. Never a stack trace. A few problems carry an extension member (inspectionStatus, maxBytes).',
})
export class ProblemDetailsView {
  @ApiProperty({ example: 'urn:inspectorate:problem:conflict', description: 'A URN per kind of problem: urn:inspectorate:problem:<invalid-request | unauthenticated | forbidden | not-found | conflict | payload-too-large | unsupported-media-type | unprocessable | rate-limited | internal | unavailable | …>.' })
  readonly type!: string;

  @ApiProperty({ example: 'Not allowed in the current state' })
  readonly title!: string;

  @ApiProperty({ type: 'integer', example: 409, description: 'The HTTP status, repeated.' })
  readonly status!: number;

  @ApiProperty({ example: 'Cannot start the visit: the inspection is in_progress.', description: 'For people: what went wrong (for a 409, the current state).' })
  readonly detail!: string;

  @ApiPropertyOptional({ type: [FieldProblemView], description: 'For invalid input: each field and what is wrong with it.' })
  readonly errors?: readonly FieldProblemView[];

  @ApiPropertyOptional({ enum: INSPECTION_STATUSES, example: 'awaiting_approval', description: 'On a 409 for a conclusion that is not approved: the inspection’s status.' })
  readonly inspectionStatus?: string;

  @ApiPropertyOptional({ type: 'integer', example: 20971520, description: 'On a 413 for an attachment: the upload limit in bytes.' })
  readonly maxBytes?: number;
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

const DEFAULT_PROBLEM: Record<ProblemStatus, string> = {
  400: 'Malformed or invalid input; `errors` names each field and what is wrong with it.',
  401: 'No token, or an invalid or expired one.',
  403: 'The role may not do this.',
  404: 'Not found, or not visible to the caller.',
  409: 'Not allowed in the current state; `detail` says the state.',
  413: 'The body is larger than BODY_LIMIT_BYTES (1 MiB by default).',
  415: 'The body is not sent as JSON (Content-Type: application/json).',
  422: 'This Idempotency-Key was already used for a different request.',
  429: 'Too many requests; Retry-After says when to try again.',
  503: 'The command could not be confirmed in time. It may still take effect: repeat it with the same Idempotency-Key to find out.',
};

/** One error answer, as a `ProblemDetails`. The description defaults to what the status means in this API. */
export function ApiProblem(status: ProblemStatus, description: string = DEFAULT_PROBLEM[status]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsView),
    ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsView) } } } }),
  );
}

/** Several error answers at once: a status (with its default description) or a status and a description. */
export function ApiProblems(...problems: (ProblemStatus | readonly [ProblemStatus, string])[]) {
  return applyDecorators(...problems.map((p) => (typeof p === 'number' ? ApiProblem(p) : ApiProblem(p[0], p[1]))));
}

/** What every JSON body may be refused for before anything reads it (request-body middleware, body parser). */
export const ApiJsonBodyProblems = () => ApiProblems(413, 415);

export const IDEMPOTENCY_HEADER_DOC: ApiHeaderOptions = {
  name: 'Idempotency-Key',
  required: false,
  description: 'The same key sent again returns the first result and changes nothing.',
};

/**
 * A command (a change to an inspection or campaign, sent to its workflow): invalid input, the
 * resource not found (or not visible), a state that does not allow it, a reused Idempotency-Key,
 * a workflow that did not answer in time; and what every JSON body may be refused for. Pass a
 * description for a status to say more (a 403 the domain decides, a specific 409).
 */
export const ApiCommandProblems = (say: Partial<Record<ProblemStatus, string>> = {}) => {
  const statuses: ProblemStatus[] = [400, ...(say[403] ? [403 as const] : []), 404, 409, 413, 415, 422, 503];
  return ApiProblems(...statuses.map((status) => [status, say[status] ?? DEFAULT_PROBLEM[status]] as const));
};

/** The schema of a file answer: its bytes. */
export const BINARY_SCHEMA = { type: 'string', format: 'binary' } as const;

/** `content` of a response whose body is a file, in each of these types. */
export function binaryContent(...contentTypes: string[]) {
  return Object.fromEntries(contentTypes.map((type) => [type, { schema: { ...BINARY_SCHEMA } }]));
}
