import { ApiError, isProblem } from './problem';

/**
 * The one place every request goes through. It adds what every call needs (the access token, the
 * user's language), refreshes an expired access token once through the HttpOnly refresh cookie,
 * and retries a command on 503 with the same Idempotency-Key, so a retried intent is done once.
 */
export interface TransportHooks {
  accessToken(): string | undefined;
  language(): string;
  /** Gets a new access token from the refresh cookie; undefined when the session is over. */
  refresh(): Promise<string | undefined>;
  /** Called when the session is over and a request needed it (the page then asks to log in again). */
  sessionExpired(): void;
}

let hooks: TransportHooks | undefined;

export function installTransport(value: TransportHooks): void {
  hooks = value;
}

const RETRY_DELAYS_MS = [300, 1000, 2500];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function transportFetch(input: Request): Promise<Response> {
  if (!hooks) throw new Error('transport not installed');
  const original = input.clone();
  const send = async (token: string | undefined) => {
    const request = original.clone();
    request.headers.set('Accept-Language', hooks!.language());
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    try {
      return await fetch(request);
    } catch {
      throw new ApiError(0, undefined, true);
    }
  };
  const isPublic = new URL(original.url).pathname.startsWith('/api/v1/auth/');
  let response = await send(hooks.accessToken());
  if (response.status === 401 && !isPublic) {
    const token = await hooks.refresh();
    if (!token) {
      hooks.sessionExpired();
      return response;
    }
    response = await send(token);
  }
  // Only a request that can be repeated safely is retried: reads, and commands with an Idempotency-Key.
  const repeatable = original.method === 'GET' || original.headers.has('Idempotency-Key');
  for (const delay of RETRY_DELAYS_MS) {
    if (response.status !== 503 || !repeatable) break;
    await sleep(delay);
    response = await send(hooks.accessToken());
  }
  return response;
}

/** Reads an answer: the body on success, an ApiError with the problem details otherwise. */
export async function readAnswer<T>(response: Response): Promise<T> {
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  throw new ApiError(response.status, isProblem(body) ? body : undefined);
}
