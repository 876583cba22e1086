/** Only paths of this console, so a crafted link cannot send a person elsewhere after logging in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/** Where a person changes their own password; the only screen of an account whose password an admin reset. */
export const CHANGE_PASSWORD_PATH = '/account/password';
