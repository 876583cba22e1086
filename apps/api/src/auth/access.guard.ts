import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Role } from '@inspectorate/domain';
import { requestContext } from '@inspectorate/observability';
import { ProblemException } from '../common/problem';
import { ALLOWED_ROLES, AuthenticatedUser, BEFORE_PASSWORD_CHANGE, CHOOSE_PASSWORD_FIRST, IS_PUBLIC } from './access.decorators';
import { SessionStore } from './session-store';
import { TokenService } from './token.service';

/**
 * Deny by default: an endpoint is reachable without a token only if marked @Public(), and with
 * one only by the roles its @Roles() names. An endpoint that declares neither is refused to all.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/.exec(header);
    const authenticated = match ? await this.authenticate(match[1]) : undefined;
    if (!authenticated) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, match ? 'The access token is invalid or expired; log in again.' : 'Send a bearer token from POST /api/v1/auth/login.');
    }
    const { user, mustChangePassword } = authenticated;
    request.user = user;
    const store = requestContext.getStore();
    if (store) Object.assign(store, { userId: user.userId, actor: { userId: user.userId, username: user.username, role: user.role } });

    // A temporary password an admin gave out is known to two people: until its owner replaces it,
    // it opens the owner's own account only.
    if (mustChangePassword && !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE, targets)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, CHOOSE_PASSWORD_FIRST);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!roles || !roles.includes(user.role)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, `The role ${user.role} may not do this${roles ? ` (allowed: ${roles.join(', ')})` : ''}.`);
    }
    return true;
  }

  /** A valid signature is not enough: its session must still be open and its account active. */
  private async authenticate(token: string): Promise<{ user: AuthenticatedUser; mustChangePassword: boolean } | undefined> {
    const subject = await this.tokens.verify(token);
    if (!subject) return undefined;
    const account = await this.sessions.activeSubject(subject.sessionId, subject.userId);
    if (!account) return undefined;
    return {
      user: { kind: 'user', userId: account.id, role: account.role, unitId: account.unitId ?? undefined, username: account.username, sessionId: subject.sessionId },
      mustChangePassword: account.mustChangePassword,
    };
  }
}
