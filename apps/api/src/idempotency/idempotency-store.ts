import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IdempotencyRecordEntity } from '@inspectorate/database';

/** A kept answer: what the first request with the key was answered. */
export interface KeptAnswer {
  readonly statusCode: number;
  readonly body: unknown;
}

export type Claim =
  /** This request holds the key: run it, then `complete` (or `release`) the claim. */
  | { readonly kind: 'claimed' }
  /** The key is answered: replay the answer (if the fingerprint matches). */
  | { readonly kind: 'answered'; readonly fingerprint: string; readonly answer: KeptAnswer }
  /** Another request holds the key and is still running. */
  | { readonly kind: 'running'; readonly fingerprint: string };

/**
 * A claim older than this was abandoned: a command is answered, at the latest with a 503, within
 * 30 s, so its claim is either answered or released by then, unless its process died or the
 * database went away before the release could be written (an outage answered 503 leaves its
 * claim behind). Then a repeat takes it over rather than waiting for an answer that never comes.
 * Taking over a claim whose request is somehow still running is safe: commands are deduplicated
 * again by Temporal (the key is the Update id) and creates by the database's unique constraints.
 */
export const ABANDONED_AFTER_SECONDS = 35;

/**
 * The idempotency records, claimed atomically: the primary key (user, key) lets exactly one of
 * several concurrent requests insert the claim, so exactly one runs.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async claim(userId: string, key: string, fingerprint: string): Promise<Claim> {
    const claimed: unknown[] = await this.db.query(
      `INSERT INTO idempotency_records (user_id, key, fingerprint, status_code, body, created_at)
       VALUES ($1, $2, $3, NULL, NULL, now())
       ON CONFLICT (user_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, created_at = now()
         WHERE idempotency_records.status_code IS NULL
           AND idempotency_records.created_at < now() - make_interval(secs => $4)
       RETURNING 1`,
      [userId, key, fingerprint, ABANDONED_AFTER_SECONDS],
    );
    if (claimed.length > 0) return { kind: 'claimed' };
    const record = await this.db.getRepository(IdempotencyRecordEntity).findOne({ where: { userId, key } });
    // Released between our insert and this read: try again, as if it had never been claimed.
    if (!record) return this.claim(userId, key, fingerprint);
    if (record.statusCode === null) return { kind: 'running', fingerprint: record.fingerprint };
    return { kind: 'answered', fingerprint: record.fingerprint, answer: { statusCode: record.statusCode, body: record.body } };
  }

  async complete(userId: string, key: string, answer: KeptAnswer): Promise<void> {
    // An empty answer is kept as JSON null (the column's SQL NULL means "not answered yet").
    await this.db.query(`UPDATE idempotency_records SET status_code = $3, body = $4::jsonb WHERE user_id = $1 AND key = $2`, [
      userId,
      key,
      answer.statusCode,
      JSON.stringify(answer.body ?? null),
    ]);
  }

  /** Gives the key back unanswered (a server error is not kept, so the request can be repeated). */
  async release(userId: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_records WHERE user_id = $1 AND key = $2 AND status_code IS NULL`, [userId, key]);
  }
}
