import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles, StaffOnly } from '../auth/access.decorators';
import { ApiJsonBodyProblems, ApiProblem, ApiProblems } from '../common/api-responses';
import { Page } from '../common/pagination';
import { problems } from '../common/problem';
import { UuidParam } from '../common/uuid-param.pipe';
import { EmptyDto } from '../inspections/inspection.dto';
import { CreateUnitDto, DeactivateUnitDto, ListUnitsQuery, UnitPage, UnitView, UpdateUnitDto } from './unit.dto';
import { UnitsService } from './units.service';

@ApiTags('Session and people')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @StaffOnly()
  @ApiOkResponse({ type: UnitPage, description: 'Units by code; `active` filters active or deactivated ones.' })
  @ApiProblem(400)
  list(@Query() query: ListUnitsQuery): Promise<Page<UnitView>> {
    return this.units.list(query);
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ type: UnitView })
  @ApiProblems(400, [409, 'A unit with this code already exists.'])
  @ApiJsonBodyProblems()
  create(@Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.units.create(dto);
  }

  @Get(':id')
  @Roles('admin', 'inspector', 'lead_inspector', 'chairman', 'unit_head')
  @ApiOkResponse({ type: UnitView })
  @ApiProblems(400, [404, 'No such unit (for a unit head: any unit but their own).'])
  async get(@Param('id', new UuidParam()) id: string, @CurrentUser() user: AuthenticatedUser): Promise<UnitView> {
    if (user.role === 'unit_head' && user.unitId !== id) throw problems.notFound('The unit');
    const unit = await this.units.find(id);
    if (!unit) throw problems.notFound('The unit');
    return unit;
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Correct a unit’s code, name or kind. Its inspections and reports follow (they refer to the unit by id).' })
  @ApiOkResponse({ type: UnitView })
  @ApiProblems(400, 404, [409, 'Another unit has this code.'])
  @ApiJsonBodyProblems()
  update(@Param('id', new UuidParam()) id: string, @Body() dto: UpdateUnitDto): Promise<UnitView> {
    return this.units.update(id, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Deactivate a unit: no new inspection may name it; its history stays as it was.' })
  @ApiOkResponse({ type: UnitView })
  @ApiProblems(400, 404, [409, 'The unit is already deactivated.'])
  @ApiJsonBodyProblems()
  deactivate(@Param('id', new UuidParam()) id: string, @Body() dto: DeactivateUnitDto): Promise<UnitView> {
    return this.units.deactivate(id, dto.reason);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Reactivate a deactivated unit.' })
  @ApiOkResponse({ type: UnitView })
  @ApiProblems(400, 404, [409, 'The unit is active.'])
  @ApiJsonBodyProblems()
  reactivate(@Param('id', new UuidParam()) id: string, @Body() _: EmptyDto): Promise<UnitView> {
    return this.units.reactivate(id);
  }
}
