import { api, call } from '../../api/client';
import type { NewUnit, NewUser, Unit, User } from '../../api/types';

const PAGE = 500;

/** Every page of a list: the district has tens of units and a few hundred people at most. */
async function all<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const answer = await page(cursor);
    items.push(...answer.items);
    cursor = answer.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export const adminKeys = { units: ['admin', 'units'] as const, users: ['admin', 'users'] as const, audit: ['admin', 'audit'] as const };

export const listUnits = (): Promise<Unit[]> =>
  all((cursor) => call(api.GET('/api/v1/units', { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } })));
export const listUsers = (): Promise<User[]> =>
  all((cursor) => call(api.GET('/api/v1/users', { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } })));

export const createUnit = (body: NewUnit, idempotencyKey: string) =>
  call(api.POST('/api/v1/units', { body, headers: { 'Idempotency-Key': idempotencyKey } as never }));
export const createUser = (body: NewUser, idempotencyKey: string) =>
  call(api.POST('/api/v1/users', { body, headers: { 'Idempotency-Key': idempotencyKey } as never }));

export const verifyChain = () => call(api.GET('/api/v1/audit/verify'));

export type UserChanges = { displayName?: string; role?: User['role']; unitId?: string };

export const updateUser = (id: string, body: UserChanges, idempotencyKey: string) =>
  call(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body, headers: { 'Idempotency-Key': idempotencyKey } as never }));
export const deactivateUser = (id: string, idempotencyKey: string) =>
  call(
    api.POST('/api/v1/users/{id}/deactivate', {
      params: { path: { id } },
      body: {},
      headers: { 'Idempotency-Key': idempotencyKey } as never,
    }),
  );
export const reactivateUser = (id: string, idempotencyKey: string) =>
  call(
    api.POST('/api/v1/users/{id}/reactivate', {
      params: { path: { id } },
      body: {},
      headers: { 'Idempotency-Key': idempotencyKey } as never,
    }),
  );
export const resetPassword = (id: string, temporaryPassword: string, idempotencyKey: string) =>
  call(
    api.POST('/api/v1/users/{id}/password-reset', {
      params: { path: { id } },
      body: { temporaryPassword },
      headers: { 'Idempotency-Key': idempotencyKey } as never,
    }),
  );
