import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { Role, ROLES, STAFF_ROLES, UserActor } from '@inspectorate/domain';
import { ApiProblem } from '../common/api-responses';

export const IS_PUBLIC = 'inspectorate:public';
export const ALLOWED_ROLES = 'inspectorate:roles';

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
    // Every role admitted: the guard never refuses one (a 403 can still come from the service, documented there).
    ...(ROLES.every((role) => roles.includes(role)) ? [] : [ApiProblem(403, `Only ${roles.join(', ')}.`)]),
  );

export const AnyRole = () => Roles(...ROLES);
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
