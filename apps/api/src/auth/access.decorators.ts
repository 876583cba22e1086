import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { Role, ROLES, STAFF_ROLES, UserActor } from '@inspectorate/domain';
import { ApiProblem } from '../common/api-responses';

export const IS_PUBLIC = 'inspectorate:public';
export const ALLOWED_ROLES = 'inspectorate:roles';
export const BEFORE_PASSWORD_CHANGE = 'inspectorate:before-password-change';

/** What the guard answers an account whose password an admin reset, anywhere but its own account. */
export const CHOOSE_PASSWORD_FIRST = 'Choose your own password first (POST /api/v1/me/password): an administrator reset it.';

/** Open to anyone, without a token. Every other endpoint must say which roles it admits. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The roles that may call an endpoint; the access guard refuses all others with 403. Finer rules
 * (whose unit, which team) are checked by the service and again by the domain's `decide`.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiBearerAuth(),
    ApiProblem(401, 'No token, or an invalid or expired one.'),
    ApiProblem(
      403,
      ROLES.every((role) => roles.includes(role))
        ? 'The account must first choose its own password (an administrator reset it).'
        : `Only ${roles.join(', ')}, once the account chose its own password.`,
    ),
  );

export const AnyRole = () => Roles(...ROLES);

/**
 * Any role, also an account that must still choose a new password after an admin reset it: its
 * own account (read it, change its language and password) and logging out, nothing else.
 */
export const OwnAccount = () =>
  applyDecorators(SetMetadata(ALLOWED_ROLES, ROLES), SetMetadata(BEFORE_PASSWORD_CHANGE, true), ApiBearerAuth(), ApiProblem(401, 'No token, or an invalid or expired one.'));
export const StaffOnly = () => Roles(...STAFF_ROLES);

export interface AuthenticatedUser extends UserActor {
  readonly username: string;
  /** The session of the access token (POST /auth/logout ends it). */
  readonly sessionId: string;
}

/** The caller, as the access guard authenticated them. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  return context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
});
