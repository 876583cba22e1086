import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AppConfig } from '@inspectorate/config';
import { ApiJsonBodyProblems, ApiProblem, ApiProblems } from '../common/api-responses';
import { problems } from '../common/problem';
import { UserView } from '../directory/directory.dto';
import { DirectoryService } from '../directory/directory.service';
import { EmptyDto } from '../inspections/inspection.dto';
import { AuthenticatedUser, CurrentUser, OwnAccount, Public } from '../auth/access.decorators';
import { ChangePasswordDto, LoginDto, LoginResult, UpdateMeDto } from './session.dto';
import { SessionGrant, SessionService } from './session.service';
import { LOGIN_THROTTLE_PER_ADDRESS, LOGIN_THROTTLE_PER_USERNAME } from '../auth/login-throttle';
import { clearSessionCookie, SESSION_COOKIE, sessionCookieOf, setSessionCookie } from './session-cookie';

@ApiTags('Session and people')
@Controller()
export class SessionController {
  constructor(
    private readonly session: SessionService,
    private readonly directory: DirectoryService,
    private readonly config: AppConfig,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ [LOGIN_THROTTLE_PER_ADDRESS]: {}, [LOGIN_THROTTLE_PER_USERNAME]: {} })
  @ApiOkResponse({ type: LoginResult, description: `Also sets the HttpOnly cookie ${SESSION_COOKIE} (Path=/api/v1/auth, SameSite=Strict), the refresh token of a new session.` })
  @ApiProblems(400, [401, 'Wrong username or password (one answer for both), or a deactivated account.'], [429, 'Too many attempts for this username from this address, or from this address altogether; Retry-After says when to try again.'])
  @ApiJsonBodyProblems()
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) response: Response): Promise<LoginResult> {
    return this.answer(await this.session.login(dto), response);
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResult, description: `Reads the ${SESSION_COOKIE} cookie (no bearer token). A new access token; the session cookie is rotated (the old one stops working, and presenting it again ends the session).` })
  @ApiProblems(400, [401, 'No session cookie, or its session ended (logged out, idle too long, past its lifetime, revoked, or an old cookie presented again).'])
  @ApiJsonBodyProblems()
  async refresh(@Body() _body: EmptyDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResult> {
    try {
      return this.answer(await this.session.refresh(sessionCookieOf(request)), response);
    } catch (error) {
      clearSessionCookie(response, this.config);
      throw error;
    }
  }

  @Post('auth/logout')
  @OwnAccount()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session of the access token is revoked (its access tokens stop working at once) and the cookie cleared.' })
  @ApiProblem(400)
  @ApiJsonBodyProblems()
  async logout(@Body() _body: EmptyDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.session.logout(user.sessionId);
    clearSessionCookie(response, this.config);
  }

  @Get('me')
  @OwnAccount()
  @ApiOkResponse({ type: UserView })
  @ApiProblem(404, 'The account of the token no longer exists.')
  async me(@CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    const found = await this.directory.findUser(user.userId);
    if (!found) throw problems.notFound('Your account');
    return found;
  }

  @Patch('me')
  @OwnAccount()
  @ApiOkResponse({ type: UserView, description: 'The caller, changed: the language they chose, their display name.' })
  @ApiProblems(400, [404, 'The account of the token no longer exists.'])
  @ApiJsonBodyProblems()
  async updateMe(@Body() dto: UpdateMeDto, @CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    const updated = await this.directory.updateProfile(user.userId, dto);
    if (!updated) throw problems.notFound('Your account');
    return updated;
  }

  @Post('me/password')
  @OwnAccount()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password is changed, mustChangePassword cleared, and every other session of the user revoked (this one stays).' })
  @ApiProblems([400, 'Invalid input, a wrong current password (field currentPassword), or a new password equal to the current one.'], [404, 'The account of the token no longer exists.'])
  @ApiJsonBodyProblems()
  changePassword(@Body() dto: ChangePasswordDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.session.changePassword(user, dto);
  }

  private answer(grant: SessionGrant, response: Response): LoginResult {
    setSessionCookie(response, this.config, grant.session.refreshToken, grant.session.expiresAt);
    return grant.result;
  }
}
