/**
 * What of an error may be written to the log. A database error carries the statement's
 * parameters (the row being inserted: a password hash, a finding's text, a secret window) and,
 * from PostgreSQL, a `detail` or message quoting the offending value; a log line is read by more
 * people than the data is. For those errors only the facts needed to find the defect remain:
 * the SQL text (parameterised, without values), SQLSTATE, constraint, table, column, and the
 * message with quoted values masked.
 */
export function redactError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 5) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (!isDatabaseError(error)) {
    if (!hasDatabaseCause(cause, depth + 1)) return error;
    return { ...error, type: error.constructor?.name ?? error.name, message: error.message, stack: error.stack, cause: redactError(cause, depth + 1) };
  }
  const fields = error as unknown as Record<string, unknown>;
  const message = maskQuotedValues(error.message);
  const kept: Record<string, unknown> = {
    type: error.constructor?.name ?? error.name,
    message,
    stack: typeof error.stack === 'string' ? [`${error.name}: ${message}`, ...error.stack.split('\n').filter((line) => line.trimStart().startsWith('at '))].join('\n') : undefined,
  };
  for (const key of ['code', 'constraint', 'table', 'column', 'severity', 'routine'] as const) {
    if (typeof fields[key] === 'string') kept[key] = fields[key];
  }
  if (typeof fields.query === 'string') kept.query = fields.query;
  if (Array.isArray(fields.parameters)) kept.parameters = `[${fields.parameters.length} redacted]`;
  if (cause !== undefined) kept.cause = redactError(cause, depth + 1);
  return kept;
}

function hasDatabaseCause(cause: unknown, depth: number): boolean {
  if (!(cause instanceof Error) || depth > 5) return false;
  return isDatabaseError(cause) || hasDatabaseCause((cause as { cause?: unknown }).cause, depth + 1);
}

/** A TypeORM QueryFailedError (it has the statement) or a pg DatabaseError (it has a SQLSTATE and a routine). */
function isDatabaseError(error: Error): boolean {
  const fields = error as unknown as Record<string, unknown>;
  return 'parameters' in fields || 'driverError' in fields || (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code) && 'severity' in fields);
}

/** PostgreSQL quotes the offending value (`invalid input syntax for type uuid: "…"`); identifiers are kept in their own fields. */
function maskQuotedValues(message: string): string {
  return message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\((?:[^()]|\([^()]*\))*\)=\((?:[^()]|\([^()]*\))*\)/g, '(…)=(…)');
}
