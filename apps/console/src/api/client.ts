import createClient from 'openapi-fetch';
import type { paths } from './openapi';
import { ApiError } from './problem';
import { transportFetch } from './transport';

/** The typed client: paths, parameters and bodies are checked against openapi/openapi.json. */
export const api = createClient<paths>({ baseUrl: '', fetch: transportFetch });

/** Turns openapi-fetch's `{ data, error, response }` into the data, or throws the problem as an ApiError. */
export async function call<T>(promise: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await promise;
  if (response.ok) return data as T;
  throw new ApiError(response.status, (error as ApiError['problem']) ?? undefined);
}

/** A fresh key for one user intent (a form submission); the same key is sent again on retry. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
