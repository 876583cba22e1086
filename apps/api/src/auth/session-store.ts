import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '@inspectorate/config';
import { SessionEntity, SessionRevocationReason, UserEntity } from '@inspectorate/directory';

/** A refresh token as the cookie carries it: `<session id>.<secret>`; only the secret's hash is stored. */
export interface IssuedSession {
  readonly sessionId: string;
  readonly refreshToken: string;
  readonly expiresAt: Date;
}

export type RefreshOutcome =
  | { readonly ok: true; readonly session: IssuedSession; readonly user: UserEntity }
  | { readonly ok: false; readonly reason: 'unknown' | 'revoked' | 'expired' | 'reused' | 'inactive' };

/**
 * Sessions behind the refresh cookie: created at login, rotated at each refresh (the old token
 * stops working; presenting it again means it was copied, so the whole session is revoked), ended
 * by logout, idleness, their absolute lifetime, or an admin. Access tokens name their session, and
 * `activeSubject` is what the access guard asks on every request.
 */
@Injectable()
export class SessionStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async create(userId: string, now = new Date()): Promise<IssuedSession> {
    const secret = newSecret();
    const session: SessionEntity = {
      id: randomUUID(),
      userId,
      refreshTokenHash: hashOf(secret),
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_LIFETIME_SECONDS * 1000),
      revokedAt: null,
      revokedReason: null,
    };
    await this.db.getRepository(SessionEntity).insert(session);
    return { sessionId: session.id, refreshToken: `${session.id}.${secret}`, expiresAt: this.cookieExpiry(session) };
  }

  /** Rotates the refresh token; the row lock makes two refreshes with one token a reuse, never two sessions. */
  async refresh(refreshToken: string, now = new Date()): Promise<RefreshOutcome> {
    const parsed = parseToken(refreshToken);
    if (!parsed) return { ok: false, reason: 'unknown' };
    return this.db.transaction(async (tx) => {
      const session = await tx.getRepository(SessionEntity).findOne({ where: { id: parsed.sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) return { ok: false, reason: 'unknown' } as const;
      if (session.revokedAt) return { ok: false, reason: 'revoked' } as const;
      if (!sameHash(session.refreshTokenHash, hashOf(parsed.secret))) {
        await this.revokeIn(tx, { id: session.id }, 'reuse', now);
        return { ok: false, reason: 'reused' } as const;
      }
      const idleUntil = session.lastUsedAt.getTime() + this.config.SESSION_IDLE_TIMEOUT_SECONDS * 1000;
      if (now.getTime() >= idleUntil || now.getTime() >= session.expiresAt.getTime()) {
        await this.revokeIn(tx, { id: session.id }, 'expired', now);
        return { ok: false, reason: 'expired' } as const;
      }
      const user = await tx.getRepository(UserEntity).findOne({ where: { id: session.userId } });
      if (!user?.active) {
        await this.revokeIn(tx, { id: session.id }, 'deactivated', now);
        return { ok: false, reason: 'inactive' } as const;
      }
      const secret = newSecret();
      await tx.getRepository(SessionEntity).update({ id: session.id }, { refreshTokenHash: hashOf(secret), lastUsedAt: now });
      const rotated = { ...session, lastUsedAt: now };
      return { ok: true, session: { sessionId: session.id, refreshToken: `${session.id}.${secret}`, expiresAt: this.cookieExpiry(rotated) }, user } as const;
    });
  }

  async revoke(sessionId: string, reason: SessionRevocationReason, now = new Date()): Promise<void> {
    await this.revokeIn(this.db.manager, { id: sessionId }, reason, now);
  }

  /** Every open session of a user (but `exceptSessionId`, the caller's own, when given). */
  async revokeAllOf(userId: string, reason: SessionRevocationReason, options: { exceptSessionId?: string; manager?: EntityManager } = {}): Promise<void> {
    const q = (options.manager ?? this.db.manager)
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (options.exceptSessionId) q.andWhere('id <> :except', { except: options.exceptSessionId });
    await q.execute();
  }

  /**
   * The account behind an access token, as it is now: undefined when the session was revoked or
   * ran out, or the account was deactivated. The role and unit are read here, not from the token,
   * so an admin's change applies to the next request.
   */
  async activeSubject(sessionId: string, userId: string): Promise<Pick<UserEntity, 'id' | 'username' | 'role' | 'unitId' | 'mustChangePassword'> | undefined> {
    const rows: { id: string; username: string; role: UserEntity['role']; unit_id: string | null; must_change_password: boolean }[] = await this.db.query(
      `SELECT u.id, u.username, u.role, u.unit_id, u.must_change_password
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId],
    );
    const row = rows[0];
    return row ? { id: row.id, username: row.username, role: row.role, unitId: row.unit_id, mustChangePassword: row.must_change_password } : undefined;
  }

  /** When the cookie should stop being sent: the earlier of the idle timeout and the absolute end. */
  private cookieExpiry(session: Pick<SessionEntity, 'lastUsedAt' | 'expiresAt'>): Date {
    const idle = session.lastUsedAt.getTime() + this.config.SESSION_IDLE_TIMEOUT_SECONDS * 1000;
    return new Date(Math.min(idle, session.expiresAt.getTime()));
  }

  private async revokeIn(manager: EntityManager, where: { id: string }, reason: SessionRevocationReason, now: Date): Promise<void> {
    await manager.getRepository(SessionEntity).update({ ...where, revokedAt: IsNull() }, { revokedAt: now, revokedReason: reason });
  }
}

const SECRET_BYTES = 32;
const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/** The secret is 256 random bits, so a plain SHA-256 is enough (no password stretching needed). */
function hashOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a, 'hex'), Buffer.from(b, 'hex')];
  return x.length === y.length && timingSafeEqual(x, y);
}

function parseToken(token: string): { sessionId: string; secret: string } | undefined {
  const match = TOKEN.exec(token);
  return match ? { sessionId: match[1], secret: match[2] } : undefined;
}
