/**
 * A command the domain refuses, as a value. The edge maps `code` to an HTTP status:
 * not_found → 404 (also "not visible to you"), forbidden → 403, conflict → 409 (wrong state),
 * invalid → 400 (the command's content is wrong).
 */
export type RejectionCode = 'not_found' | 'forbidden' | 'conflict' | 'invalid';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface Rejection {
  readonly rejected: true;
  readonly code: RejectionCode;
  readonly reason: string;
  readonly errors?: readonly FieldError[];
}

export function reject(code: RejectionCode, reason: string, errors?: FieldError[]): Rejection {
  return errors && errors.length > 0 ? { rejected: true, code, reason, errors } : { rejected: true, code, reason };
}

export const notFound = (reason: string): Rejection => reject('not_found', reason);
export const forbidden = (reason: string): Rejection => reject('forbidden', reason);
export const conflict = (reason: string): Rejection => reject('conflict', reason);
export const invalid = (reason: string, errors?: FieldError[]): Rejection => reject('invalid', reason, errors);

export function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && (value as Rejection).rejected === true;
}
