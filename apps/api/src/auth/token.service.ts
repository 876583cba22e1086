import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@inspectorate/config';
import { Role, ROLES } from '@inspectorate/domain';
import { AuthenticatedUser } from './access.decorators';

interface TokenClaims {
  sub: string;
  role: Role;
  unitId?: string;
  username: string;
}

/** Short-lived HS256 access tokens carrying who the caller is; verified on every request. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async issue(user: { id: string; role: Role; unitId: string | null; username: string }): Promise<{ accessToken: string; expiresAt: string }> {
    const claims: TokenClaims = { sub: user.id, role: user.role, username: user.username, ...(user.unitId ? { unitId: user.unitId } : {}) };
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttl, algorithm: 'HS256', issuer: 'inspectorate', audience: 'inspectorate-api' });
    return { accessToken, expiresAt: new Date(Date.now() + ttl * 1000).toISOString() };
  }

  /** The caller a token names, or undefined when it is malformed, tampered with or expired. */
  async verify(token: string): Promise<AuthenticatedUser | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'], issuer: 'inspectorate', audience: 'inspectorate-api' });
      if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role)) return undefined;
      return { kind: 'user', userId: claims.sub, role: claims.role, unitId: claims.unitId, username: claims.username };
    } catch {
      return undefined;
    }
  }
}
