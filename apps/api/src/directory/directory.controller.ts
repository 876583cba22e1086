import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ type: UnitPage })
  listUnits(@Query() query: PageQuery): Promise<Page<UnitView>> {
    return this.directory.listUnits(query);
  }

  @Post('units')
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ type: UnitView })
  createUnit(@Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.directory.createUnit(dto);
  }

  @Get('units/:id')
  @Roles('admin', 'inspector', 'lead_inspector', 'chairman', 'unit_head')
  @ApiOkResponse({ type: UnitView })
  async getUnit(@Param('id', new UuidParam()) id: string, @CurrentUser() user: AuthenticatedUser): Promise<UnitView> {
    if (user.role === 'unit_head' && user.unitId !== id) throw problems.notFound('The unit');
    const unit = await this.directory.findUnit(id);
    if (!unit) throw problems.notFound('The unit');
    return unit;
  }

  @Get('users')
  @Roles('admin')
  @ApiOkResponse({ type: UserPage })
  listUsers(@Query() query: ListUsersQuery): Promise<Page<UserView>> {
    return this.directory.listUsers(query);
  }

  @Post('users')
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ type: UserView })
  createUser(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.directory.createUser(dto);
  }
}
