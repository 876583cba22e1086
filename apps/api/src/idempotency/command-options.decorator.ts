import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { currentRequestId } from '@inspectorate/observability';
import type { CommandOptions } from '../temporal/command-gateway';
import { IDEMPOTENCY_HEADER } from './idempotency.interceptor';

/** The Idempotency-Key (validated by the interceptor) and the request id, to travel with a command. */
export const CommandContext = createParamDecorator((_: unknown, context: ExecutionContext): CommandOptions => {
  const request = context.switchToHttp().getRequest<Request>();
  const key = request.headers[IDEMPOTENCY_HEADER];
  return { idempotencyKey: typeof key === 'string' ? key : undefined, correlationId: currentRequestId() };
});
