import { QueryFailedError } from 'typeorm';

/** PostgreSQL's SQLSTATE for a unique (or primary key) violation. */
const UNIQUE_VIOLATION = '23505';

/**
 * Whether `error` is PostgreSQL refusing a row because it would break the named unique constraint.
 * The constraint is the arbiter of uniqueness (a read-then-insert check races); this lets the
 * caller turn that refusal into a 409 instead of a 500 whose log would carry the row.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: unknown; constraint?: unknown } | undefined;
  return driverError?.code === UNIQUE_VIOLATION && driverError.constraint === constraint;
}

/** Runs an insert; a violation of `constraint` becomes `conflict()` (thrown), anything else is rethrown. */
export async function insertUnique<T>(insert: () => Promise<T>, constraint: string, conflict: () => Error): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error, constraint)) throw conflict();
    throw error;
  }
}
