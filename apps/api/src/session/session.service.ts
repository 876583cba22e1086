import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { UserEntity } from '@inspectorate/directory';
import { ProblemException, problems } from '../common/problem';
import { toUserView } from '../directory/directory.service';
import { ChangePasswordDto, LoginDto, LoginResult } from './session.dto';
import { LoginAttempts } from '../auth/login-attempts';
import { PasswordHasher } from '../auth/password-hasher';
import { IssuedSession, SessionStore } from '../auth/session-store';
import { TokenService } from '../auth/token.service';
import { AuditTrail, requestActor } from '../audit/audit-trail';

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
    private readonly audit: AuditTrail,
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
      await this.audit.record('login_failed', null, user?.id ?? null, { username, reason: 'wrong_credentials' });
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The username or password is wrong.');
    }
    this.attempts.recordSuccess(username);
    // Told only to whoever knows the password: it reveals nothing to a guesser.
    if (!user.active) {
      await this.audit.record('login_failed', null, user.id, { username, reason: 'deactivated' });
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'This account is deactivated; ask an administrator.');
    }
    const session = await this.sessions.create(user.id);
    await this.audit.record('login', { userId: user.id, username: user.username, role: user.role }, user.id, { sessionId: session.sessionId });
    return { result: await this.grant(user, session), session };
  }

  async refresh(refreshToken: string | undefined): Promise<SessionGrant> {
    const outcome = refreshToken ? await this.sessions.refresh(refreshToken) : undefined;
    if (!outcome?.ok) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The session has ended; log in again.');
    return { result: await this.grant(outcome.user, outcome.session), session: outcome.session };
  }

  /**
   * The user's own new password: the current one proves it is them (slowed like a login after a
   * few wrong tries); every other session ends, the caller's stays.
   */
  async changePassword(caller: { userId: string; sessionId: string }, dto: ChangePasswordDto): Promise<void> {
    const key = `password-change:${caller.userId}`;
    const delay = this.attempts.delayFor(key);
    if (delay > 0) await sleep(delay);
    const repo = this.db.getRepository(UserEntity);
    const user = await repo.findOne({ where: { id: caller.userId } });
    if (!user) throw problems.notFound('Your account');
    if (!(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      this.attempts.recordFailure(key);
      throw problems.badRequest('The current password is wrong.', [{ field: 'currentPassword', message: 'is wrong' }]);
    }
    this.attempts.recordSuccess(key);
    if (dto.newPassword === dto.currentPassword) {
      throw problems.badRequest('The new password must differ from the current one.', [{ field: 'newPassword', message: 'must differ from the current password' }]);
    }
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(UserEntity).update({ id: user.id }, { passwordHash, mustChangePassword: false });
      await this.sessions.revokeAllOf(user.id, 'password_changed', { exceptSessionId: caller.sessionId, manager: tx });
      await this.audit.record('password_changed', requestActor(), user.id, {}, tx);
    });
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, 'logout');
    await this.audit.record('logout', requestActor(), requestActor()?.userId ?? null, { sessionId });
  }

  private async grant(user: UserEntity, session: IssuedSession): Promise<LoginResult> {
    const token = await this.tokens.issue(user, session.sessionId);
    return { ...token, user: toUserView(user) };
  }
}
