import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@inspectorate/config';
import { Role, ROLES } from '@inspectorate/domain';

interface TokenClaims {
  sub: string;
  /** The session the token was issued for: revoking it stops the token at once (see AccessGuard). */
  sid: string;
  role: Role;
  unitId?: string;
  username: string;
}

/** What a valid token claims; the access guard checks its session and account before trusting it. */
export interface TokenSubject {
  readonly userId: string;
  readonly sessionId: string;
}

/** Short-lived HS256 access tokens naming the caller and their session; verified on every request. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async issue(user: { id: string; role: Role; unitId: string | null; username: string }, sessionId: string): Promise<{ accessToken: string; expiresAt: string }> {
    const claims: TokenClaims = { sub: user.id, sid: sessionId, role: user.role, username: user.username, ...(user.unitId ? { unitId: user.unitId } : {}) };
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttl, algorithm: 'HS256', issuer: 'inspectorate', audience: 'inspectorate-api' });
    return { accessToken, expiresAt: new Date(Date.now() + ttl * 1000).toISOString() };
  }

  /** Whom a token names, or undefined when it is malformed, tampered with or expired. */
  async verify(token: string): Promise<TokenSubject | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'], issuer: 'inspectorate', audience: 'inspectorate-api' });
      if (!isUuid(claims.sub) || !isUuid(claims.sid) || !ROLES.includes(claims.role)) return undefined;
      return { userId: claims.sub, sessionId: claims.sid };
    } catch {
      return undefined;
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
