import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role, ROLES, STAFF_ROLES, UserActor } from '@inspectorate/domain';

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
    ApiUnauthorizedResponse({ description: 'No token, or an invalid or expired one.' }),
    ApiForbiddenResponse({ description: `Only ${roles.join(', ')}.` }),
  );

export const AnyRole = () => Roles(...ROLES);
export const StaffOnly = () => Roles(...STAFF_ROLES);

export interface AuthenticatedUser extends UserActor {
  readonly username: string;
}

/** The caller, as the access guard authenticated them. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  return context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
});
