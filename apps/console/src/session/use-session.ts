import { useSyncExternalStore } from 'react';
import type { User } from '../api/types';
import { sessionStore, type SessionState } from './session-store';

export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** The signed-in user; only for screens under the signed-in layout. */
export function useUser(): User {
  const session = useSession();
  if (session.status !== 'signed-in') throw new Error('useUser outside a session');
  return session.user;
}
