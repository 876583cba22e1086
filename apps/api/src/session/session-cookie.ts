import type { CookieOptions, Request, Response } from 'express';
import { AppConfig } from '@inspectorate/config';

/** The refresh cookie: HttpOnly (scripts never see it), sent only to the auth endpoints, same site only. */
export const SESSION_COOKIE = 'inspectorate_session';
const COOKIE_PATH = '/api/v1/auth';

function options(config: AppConfig, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: COOKIE_PATH, secure: config.isProduction, ...(expires ? { expires } : {}) };
}

export function setSessionCookie(response: Response, config: AppConfig, refreshToken: string, expires: Date): void {
  response.cookie(SESSION_COOKIE, refreshToken, options(config, expires));
}

export function clearSessionCookie(response: Response, config: AppConfig): void {
  response.clearCookie(SESSION_COOKIE, options(config));
}

/** The refresh token the browser sent, if any (the Cookie header, parsed without a dependency). */
export function sessionCookieOf(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string' || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== SESSION_COOKIE) continue;
    return part.slice(at + 1).trim();
  }
  return undefined;
}
