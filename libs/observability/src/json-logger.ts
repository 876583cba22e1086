import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';
import { redactError } from './redact-error';
import { requestContext } from './request-context';

/**
 * Structured JSON logs (one object a line, to stdout) for both processes. Each line carries the
 * process's `service` name and, inside a request, its `requestId` and `userId`.
 */
export class JsonLogger implements LoggerService {
  private readonly logger: Logger;

  /** `destination` defaults to stdout; tests pass a stream to read the lines back. */
  constructor(service: string, level = 'info', destination?: DestinationStream) {
    this.logger = pino(
      {
        level,
        base: { service },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        // Every error, wherever it is logged from, loses what it must not carry (redact-error.ts).
        serializers: { err: (error: unknown) => pino.stdSerializers.err(redactError(error) as Error) },
        mixin: () => {
          const store = requestContext.getStore();
          return store ? { requestId: store.requestId, userId: store.userId } : {};
        },
      },
      destination,
    );
  }

  get pino(): Logger {
    return this.logger;
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes (message, [stack], [context]); keep the context as a field, not in the text. */
  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' && rest[0].includes('\n    at ') ? (rest.shift() as string) : undefined;
    const fields: Record<string, unknown> = { context, stack };
    if (message instanceof Error) {
      const redacted = redactError(message) as { message?: unknown };
      this.logger[level]({ ...fields, err: message }, typeof redacted.message === 'string' ? redacted.message : message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...(message as object) });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
