import { Injectable } from '@nestjs/common';

/**
 * Slows repeated failures for one username: after a few free tries each further failure adds
 * a growing delay before the answer (up to a few seconds), so guessing is slow without locking
 * the real owner out. A success clears the count. Per process: behind several API instances the
 * per-IP rate limit still applies to each.
 */
@Injectable()
export class LoginAttempts {
  private static readonly FREE_FAILURES = 3;
  private static readonly MAX_DELAY_MS = 4_000;
  private static readonly FORGET_AFTER_MS = 15 * 60_000;
  private static readonly MAX_TRACKED = 100_000;
  private readonly failures = new Map<string, { count: number; last: number }>();

  delayFor(username: string, now = Date.now()): number {
    const entry = this.failures.get(username);
    if (!entry || now - entry.last > LoginAttempts.FORGET_AFTER_MS) return 0;
    const extra = entry.count - LoginAttempts.FREE_FAILURES;
    return extra <= 0 ? 0 : Math.min(LoginAttempts.MAX_DELAY_MS, 250 * 2 ** (extra - 1));
  }

  recordFailure(username: string, now = Date.now()): void {
    const entry = this.failures.get(username);
    const fresh = !entry || now - entry.last > LoginAttempts.FORGET_AFTER_MS;
    this.failures.delete(username);
    this.failures.set(username, { count: fresh ? 1 : entry.count + 1, last: now });
    // Bounded memory: forget the least recently failed names first (a Map keeps insertion order),
    // never everyone at once, so a spray of names cannot reset a real target's slow-down.
    for (const name of this.failures.keys()) {
      if (this.failures.size <= LoginAttempts.MAX_TRACKED) break;
      this.failures.delete(name);
    }
  }

  recordSuccess(username: string): void {
    this.failures.delete(username);
  }
}
