import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { UserEntity } from '@inspectorate/directory';
import { ProblemException } from '../common/problem';
import { toUserView } from '../directory/directory.service';
import { LoginDto, LoginResult } from './session.dto';
import { LoginAttempts } from '../auth/login-attempts';
import { PasswordHasher } from '../auth/password-hasher';
import { IssuedSession, SessionStore } from '../auth/session-store';
import { TokenService } from '../auth/token.service';

/** What login and refresh hand to the controller: the answer, and the cookie to set. */
export interface SessionGrant {
  readonly result: LoginResult;
  readonly session: IssuedSession;
}

@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly attempts: LoginAttempts,
    private readonly sessions: SessionStore,
  ) {}

  /** One answer for a wrong password and an unknown user, so usernames cannot be probed. */
  async login(dto: LoginDto): Promise<SessionGrant> {
    const username = dto.username.trim().toLowerCase();
    const delay = this.attempts.delayFor(username);
    if (delay > 0) await sleep(delay);
    const user = await this.db.getRepository(UserEntity).findOne({ where: { username } });
    const valid = await this.hasher.verify(user?.passwordHash, dto.password);
    if (!user || !valid) {
      this.attempts.recordFailure(username);
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The username or password is wrong.');
    }
    this.attempts.recordSuccess(username);
    // Told only to whoever knows the password: it reveals nothing to a guesser.
    if (!user.active) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'This account is deactivated; ask an administrator.');
    const session = await this.sessions.create(user.id);
    return { result: await this.grant(user, session), session };
  }

  async refresh(refreshToken: string | undefined): Promise<SessionGrant> {
    const outcome = refreshToken ? await this.sessions.refresh(refreshToken) : undefined;
    if (!outcome?.ok) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The session has ended; log in again.');
    return { result: await this.grant(outcome.user, outcome.session), session: outcome.session };
  }

  logout(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId, 'logout');
  }

  private async grant(user: UserEntity, session: IssuedSession): Promise<LoginResult> {
    const token = await this.tokens.issue(user, session.sessionId);
    return { ...token, user: toUserView(user) };
  }
}
