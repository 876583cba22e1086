import { ApiError } from '../api/problem';

/** The message the API gave for a field (problem+json `errors[]`), to show beside it. */
export function fieldErrors(error: unknown): (field: string) => string | undefined {
  return (field) => (error instanceof ApiError ? error.fieldError(field) : undefined);
}

/** Errors of fields that no input on the form shows, so none is silently dropped. */
export function otherFieldErrors(error: unknown, shown: (field: string) => boolean): string[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem?.errors ?? []).filter((item) => !shown(item.field)).map((item) => `${item.field}: ${item.message}`);
}
