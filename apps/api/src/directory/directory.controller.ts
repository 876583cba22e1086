import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiJsonBodyProblems, ApiProblem, ApiProblems } from '../common/api-responses';
import { AuthenticatedUser, CurrentUser, Roles, StaffOnly } from '../auth/access.decorators';
import { problems } from '../common/problem';
import { UuidParam } from '../common/uuid-param.pipe';
import { Page, PageQuery } from '../common/pagination';
import { EmptyDto } from '../inspections/inspection.dto';
import { AccountsService } from './accounts.service';
import { CreateUnitDto, CreateUserDto, ListUsersQuery, PasswordResetDto, UnitPage, UnitView, UpdateUserDto, UserPage, UserView } from './directory.dto';
import { DirectoryService } from './directory.service';

@ApiTags('Session and people')
@Controller()
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly accounts: AccountsService,
  ) {}

  @Get('units')
  @StaffOnly()
  @ApiOkResponse({ type: UnitPage, description: 'Units by code.' })
  @ApiProblem(400)
  listUnits(@Query() query: PageQuery): Promise<Page<UnitView>> {
    return this.directory.listUnits(query);
  }

  @Post('units')
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ type: UnitView })
  @ApiProblems(400, [409, 'A unit with this code already exists.'])
  @ApiJsonBodyProblems()
  createUnit(@Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.directory.createUnit(dto);
  }

  @Get('units/:id')
  @Roles('admin', 'inspector', 'lead_inspector', 'chairman', 'unit_head')
  @ApiOkResponse({ type: UnitView })
  @ApiProblems(400, [404, 'No such unit (for a unit head: any unit but their own).'])
  async getUnit(@Param('id', new UuidParam()) id: string, @CurrentUser() user: AuthenticatedUser): Promise<UnitView> {
    if (user.role === 'unit_head' && user.unitId !== id) throw problems.notFound('The unit');
    const unit = await this.directory.findUnit(id);
    if (!unit) throw problems.notFound('The unit');
    return unit;
  }

  @Get('users')
  @StaffOnly()
  @ApiOkResponse({ type: UserPage, description: 'Accounts by username (staff roles: to pick people for teams); filter by q, role and active.' })
  @ApiProblem(400)
  listUsers(@Query() query: ListUsersQuery): Promise<Page<UserView>> {
    return this.directory.listUsers(query);
  }

  @Post('users')
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ type: UserView })
  @ApiProblems(400, [409, 'The username is taken.'])
  @ApiJsonBodyProblems()
  createUser(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.directory.createUser(dto);
  }

  @Patch('users/:id')
  @Roles('admin')
  @ApiOkResponse({ type: UserView, description: 'The account, changed. A new role or unit applies to the user’s very next request.' })
  @ApiProblems(400, [404, 'No such user.'], [409, 'An admin cannot take away their own admin role.'])
  @ApiJsonBodyProblems()
  updateUser(@Param('id', new UuidParam()) id: string, @Body() dto: UpdateUserDto, @CurrentUser() admin: AuthenticatedUser): Promise<UserView> {
    return this.accounts.update(admin.userId, id, dto);
  }

  @Post('users/:id/deactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: UserView, description: 'The account, inactive: it cannot log in, and its sessions (and their access tokens) are revoked at once.' })
  @ApiProblems(400, [404, 'No such user.'], [409, 'An admin cannot deactivate their own account.'])
  @ApiJsonBodyProblems()
  deactivateUser(@Param('id', new UuidParam()) id: string, @Body() _body: EmptyDto, @CurrentUser() admin: AuthenticatedUser): Promise<UserView> {
    return this.accounts.setActive(admin.userId, id, false);
  }

  @Post('users/:id/reactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: UserView, description: 'The account, active again: it can log in (its old sessions stay revoked).' })
  @ApiProblems(400, [404, 'No such user.'])
  @ApiJsonBodyProblems()
  reactivateUser(@Param('id', new UuidParam()) id: string, @Body() _body: EmptyDto, @CurrentUser() admin: AuthenticatedUser): Promise<UserView> {
    return this.accounts.setActive(admin.userId, id, true);
  }

  @Post('users/:id/password-reset')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse({ description: 'The temporary password is set, mustChangePassword raised, and every session of the user revoked.' })
  @ApiProblems(400, [404, 'No such user.'])
  @ApiJsonBodyProblems()
  async resetPassword(@Param('id', new UuidParam()) id: string, @Body() dto: PasswordResetDto): Promise<void> {
    await this.accounts.resetPassword(id, dto.temporaryPassword);
  }
}
