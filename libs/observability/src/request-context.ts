import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  readonly requestId: string;
  /** The caller's address as Express sees it (behind the loopback proxy, the forwarded one); for the audit log. */
  readonly clientAddress?: string;
  userId?: string;
  /** The authenticated caller, once the access guard knows them (the audit log names them). */
  actor?: { readonly userId: string; readonly username: string; readonly role: string };
}

/** Carries the request id through every await of a request, so each log line can name it. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
