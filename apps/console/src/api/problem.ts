import type { Problem } from './types';

/**
 * Every failed call becomes an ApiError: the API's problem details when it answered, or a network
 * failure (no answer at all). Screens show `detail` as a sentence and field errors beside fields.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    readonly network = false,
  ) {
    super(problem?.detail ?? (network ? 'network failure' : `HTTP ${status}`));
  }

  /** The message of the field named `field` (the API names body fields as in the DTO, e.g. `items.0.plan.dueDate`). */
  fieldError(field: string): string | undefined {
    return this.problem?.errors?.find((error) => error.field === field)?.message;
  }
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'detail' in value;
}
