import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ApiJsonBodyProblems, ApiProblem, ApiProblems } from '../common/api-responses';
import { problems } from '../common/problem';
import { UserView } from '../directory/directory.dto';
import { DirectoryService } from '../directory/directory.service';
import { AnyRole, AuthenticatedUser, CurrentUser, Public } from '../auth/access.decorators';
import { LoginDto, LoginResult } from './session.dto';
import { SessionService } from './session.service';
import { LOGIN_THROTTLE } from '../auth/login-throttle';

@ApiTags('Session and people')
@Controller()
export class SessionController {
  constructor(
    private readonly session: SessionService,
    private readonly directory: DirectoryService,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ [LOGIN_THROTTLE]: {} })
  @ApiOkResponse({ type: LoginResult })
  @ApiProblems(400, [401, 'Wrong username or password (one answer for both).'], [429, 'Too many attempts from this address; Retry-After says when to try again.'])
  @ApiJsonBodyProblems()
  login(@Body() dto: LoginDto): Promise<LoginResult> {
    return this.session.login(dto);
  }

  @Get('me')
  @AnyRole()
  @ApiOkResponse({ type: UserView })
  @ApiProblem(404, 'The account of the token no longer exists.')
  async me(@CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    const found = await this.directory.findUser(user.userId);
    if (!found) throw problems.notFound('Your account');
    return found;
  }
}
