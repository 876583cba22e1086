import { installTransport, readAnswer, transportFetch } from '../api/transport';
import type { Language, LoginResult, User } from '../api/types';

/**
 * The session lives in memory only: the access token is never written to storage, so a script
 * injected into the page could not read it from there. A reload gets a new token from the HttpOnly
 * refresh cookie (POST /auth/refresh), which JavaScript cannot read at all.
 */
export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous'; readonly expired: boolean }
  | { readonly status: 'signed-in'; readonly user: User; readonly accessToken: string; readonly expiresAt: string };

type Listener = () => void;

let state: SessionState = { status: 'loading' };
const listeners = new Set<Listener>();
let refreshing: Promise<string | undefined> | undefined;
let preferredLanguage: Language = readStoredLanguage();

function set(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export const sessionStore = {
  get: (): SessionState => state,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The user's language: theirs from the server once signed in; before that the one last chosen on this device. */
export function currentLanguage(): Language {
  if (state.status === 'signed-in') return state.user.language;
  return preferredLanguage;
}

export function setPreferredLanguage(language: Language): void {
  preferredLanguage = language;
  try {
    localStorage.setItem('inspectorate.language', language);
  } catch {
    // storage unavailable (private mode): the choice still holds for this page
  }
}

function readStoredLanguage(): Language {
  try {
    return localStorage.getItem('inspectorate.language') === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function signIn(result: LoginResult): void {
  set({ status: 'signed-in', user: result.user, accessToken: result.accessToken, expiresAt: result.expiresAt });
  setPreferredLanguage(result.user.language);
}

export function updateUser(user: User): void {
  if (state.status === 'signed-in') set({ ...state, user });
}

async function post(path: string, body: unknown): Promise<Response> {
  return transportFetch(new Request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' }));
}

export async function logIn(username: string, password: string): Promise<void> {
  signIn(await readAnswer<LoginResult>(await post('/api/v1/auth/login', { username, password })));
}

/** One refresh at a time: several requests failing with 401 together wait for the same one. */
export function refreshSession(): Promise<string | undefined> {
  refreshing ??= (async () => {
    try {
      const response = await post('/api/v1/auth/refresh', {});
      if (!response.ok) return undefined;
      const result = (await response.json()) as LoginResult;
      signIn(result);
      return result.accessToken;
    } catch {
      return undefined;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

export async function restoreSession(): Promise<void> {
  const token = await refreshSession();
  if (!token && state.status === 'loading') set({ status: 'anonymous', expired: false });
}

/** Logging out on purpose also forgets the drafts of this tab (a shared office computer); an expired session keeps them. */
export async function logOut(): Promise<void> {
  try {
    await post('/api/v1/auth/logout', {});
  } finally {
    forgetDrafts();
    set({ status: 'anonymous', expired: false });
  }
}

function forgetDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('draft:')) sessionStorage.removeItem(key);
  } catch {
    // storage unavailable: nothing was kept
  }
}

installTransport({
  accessToken: () => (state.status === 'signed-in' ? state.accessToken : undefined),
  language: () => currentLanguage(),
  refresh: refreshSession,
  sessionExpired: () => {
    if (state.status === 'signed-in') set({ status: 'anonymous', expired: true });
  },
});
