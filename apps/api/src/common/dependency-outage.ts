/** Seconds a client is asked to wait before repeating a request that met a dependency outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * PostgreSQL's SQLSTATEs of a server that is going away or not there yet: class 08 (connection
 * exceptions), 57P01–57P03 (administrator/crash shutdown, "the database system is starting up"),
 * 53300 (too many connections). They say nothing about the request, only about the moment.
 */
const POSTGRES_UNAVAILABLE = /^(08...|57P0[1-3]|53300)$/;

/** Socket-level failures of reaching a server (node's error codes). */
const SOCKET_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** node-postgres reports a lost or never-made connection only in its message. */
const POSTGRES_CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i;

/** gRPC status codes of a Temporal frontend that cannot be reached right now (UNAVAILABLE, DEADLINE_EXCEEDED). */
const GRPC_UNAVAILABLE = new Set([14, 4]);

/**
 * True when an error means that PostgreSQL or Temporal cannot be reached at the moment, rather
 * than that the request is wrong or the code is. The client should hear 503 with Retry-After
 * (a command repeated with its Idempotency-Key takes effect once), not a 500.
 */
export function isDependencyOutage(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, message, errors, driverError, cause } = error as { code?: unknown; message?: unknown; errors?: unknown; driverError?: unknown; cause?: unknown };
  // A gRPC status (Temporal's client wraps it in a ServiceError, as its cause).
  if (typeof code === 'number' && 'metadata' in error && GRPC_UNAVAILABLE.has(code)) return true;
  if (typeof code === 'string' && (POSTGRES_UNAVAILABLE.test(code) || SOCKET_FAILURES.has(code))) return true;
  if (typeof message === 'string' && POSTGRES_CONNECTION_MESSAGES.test(message)) return true;
  // Node reports a refused connection to a host with several addresses as an AggregateError.
  if (Array.isArray(errors) && errors.some((e) => isDependencyOutage(e, depth + 1))) return true;
  return isDependencyOutage(driverError, depth + 1) || isDependencyOutage(cause, depth + 1);
}
