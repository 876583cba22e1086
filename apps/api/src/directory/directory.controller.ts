import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiJsonBodyProblems, ApiProblem, ApiProblems } from '../common/api-responses';
import { AuthenticatedUser, CurrentUser, Roles, StaffOnly } from '../auth/access.decorators';
import { problems } from '../common/problem';
import { UuidParam } from '../common/uuid-param.pipe';
import { Page, PageQuery } from '../common/pagination';
import { CreateUnitDto, CreateUserDto, ListUsersQuery, UnitPage, UnitView, UserPage, UserView } from './directory.dto';
import { DirectoryService } from './directory.service';

@ApiTags('Session and people')
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

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
}
