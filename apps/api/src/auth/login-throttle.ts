import type { ThrottlerOptions } from '@nestjs/throttler';
import { AppConfig } from '@inspectorate/config';

/** Login attempts from one client address, whatever the username (the higher ceiling). */
export const LOGIN_THROTTLE_PER_ADDRESS = 'login-address';
/** Login attempts for one username from one client address. */
export const LOGIN_THROTTLE_PER_USERNAME = 'login-username';

/**
 * Two limits on POST /auth/login (the only route with the ThrottlerGuard): one person guessing
 * one account is stopped early, while the office next door, behind the same address, keeps
 * logging in up to the higher per-address ceiling.
 */
export function loginThrottlers(config: AppConfig): ThrottlerOptions[] {
  return [
    { name: LOGIN_THROTTLE_PER_ADDRESS, ttl: 60_000, limit: config.loginRateLimitPerAddress },
    { name: LOGIN_THROTTLE_PER_USERNAME, ttl: 60_000, limit: config.LOGIN_RATE_LIMIT_PER_MINUTE, getTracker: (req) => `${String(req.ip)}|${usernameOf(req.body)}` },
  ];
}

/** The username as login compares it (trimmed, lower-case); the body is parsed before guards run. */
function usernameOf(body: unknown): string {
  const username = typeof body === 'object' && body !== null ? (body as { username?: unknown }).username : undefined;
  return typeof username === 'string' ? username.trim().toLowerCase().slice(0, 64) : '';
}
