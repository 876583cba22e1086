import { applyDecorators, CanActivate, ExecutionContext, HttpStatus, Injectable, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '@inspectorate/config';
import { ApiProblem } from '../common/api-responses';
import { ProblemException } from '../common/problem';
import type { AuthenticatedUser } from '../auth/access.decorators';

const WINDOW_MS = 60_000;
const MAX_TRACKED_USERS = 100_000;

/**
 * Counts each user's reports and printed conclusions per minute (EXPENSIVE_READS_PER_MINUTE):
 * a report replayed as of a past date reads the whole log, a PDF is rendered; one account in a
 * loop must not take the API from everyone else. Per process, like the login limit.
 */
@Injectable()
export class ExpensiveReads {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly config: AppConfig) {}

  get perMinute(): number {
    return this.config.EXPENSIVE_READS_PER_MINUTE;
  }

  /** Takes one read for the user, or answers in how many seconds the next one is allowed. */
  take(userId: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const current = this.windows.get(userId);
    const window = current && now - current.startedAt < WINDOW_MS ? current : { startedAt: now, count: 0 };
    if (window.count >= this.perMinute) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000)) };
    }
    window.count += 1;
    this.windows.delete(userId);
    this.windows.set(userId, window);
    // Bounded memory: forget the least recently active users first (a Map keeps insertion order).
    for (const id of this.windows.keys()) {
      if (this.windows.size <= MAX_TRACKED_USERS) break;
      this.windows.delete(id);
    }
    return { allowed: true };
  }
}

/** Refuses a user over their expensive reads with 429, Retry-After and a problem saying so. */
@Injectable()
export class ExpensiveReadGuard implements CanActivate {
  constructor(private readonly reads: ExpensiveReads) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const user = http.getRequest<{ user?: AuthenticatedUser }>().user;
    if (!user) return true; // the access guard has already refused anonymous callers
    const verdict = this.reads.take(user.userId);
    if (verdict.allowed) return true;
    http.getResponse<Response>().setHeader('Retry-After', String(verdict.retryAfterSeconds));
    throw new ProblemException(
      HttpStatus.TOO_MANY_REQUESTS,
      `You asked for more than ${this.reads.perMinute} reports or printed conclusions in a minute; try again in ${verdict.retryAfterSeconds} s.`,
      { retryAfterSeconds: verdict.retryAfterSeconds },
    );
  }
}

/** A read that costs the server real work: limited per user (see ExpensiveReads). */
export const ExpensiveRead = () =>
  applyDecorators(UseGuards(ExpensiveReadGuard), ApiProblem(429, 'Too many reports or printed conclusions in a minute for this user; Retry-After says when to try again.'));
