import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CampaignReport, DashboardReport, OverdueReport, UnitScorecardReport } from '@inspectorate/reports';
import { AnyRole, AuthenticatedUser, CurrentUser, StaffOnly } from '../auth/access.decorators';
import { UuidParam } from '../common/uuid-param.pipe';
import { reportResponse } from './report-response';
import { CampaignReportQuery, DashboardQuery, OverdueQuery, UnitReportQuery } from './reports.dto';
import { ReportsService } from './reports.service';

const FILE_FORMATS =
  'Add `format=csv` (UTF-8 with BOM, RFC 4180, one section per table) or `format=xlsx` (one sheet per table) for the same data as a file.';

/**
 * The chairman's reports. Staff roles see them all; a unit head sees the dashboard and the
 * overdue list limited to their own unit, and their own unit's scorecard (another unit's: 403;
 * campaign reports: 403). Nobody outside an inspection's team but the chairman ever counts an
 * inspection whose visit has not started.
 */
@ApiTags('Reports')
@ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('dashboard')
  @AnyRole()
  @ApiOperation({
    summary: 'A year at a glance: inspections, findings, units, responses, remediation, overdue, open cases.',
    description: FILE_FORMATS,
  })
  @ApiOkResponse({ description: 'DashboardReport (see libs/reports/src/dashboard.ts).' })
  async dashboard(
    @Query() query: DashboardQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DashboardReport | StreamableFile> {
    return reportResponse(await this.reports.dashboard(user, query), query.format, res);
  }

  @Get('units/:id')
  @AnyRole()
  @ApiOperation({ summary: 'One unit’s scorecard, year by year.', description: FILE_FORMATS })
  @ApiOkResponse({ description: 'UnitScorecardReport (see libs/reports/src/unit-scorecard.ts).' })
  async unit(
    @Param('id', new UuidParam()) id: string,
    @Query() query: UnitReportQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UnitScorecardReport | StreamableFile> {
    return reportResponse(await this.reports.unit(user, id, query), query.format, res);
  }

  @Get('campaigns/:id')
  @StaffOnly()
  @ApiOperation({ summary: 'A campaign’s results, with a summary in Vietnamese.', description: FILE_FORMATS })
  @ApiOkResponse({ description: 'CampaignReport (see libs/reports/src/campaign.ts).' })
  async campaign(
    @Param('id', new UuidParam()) id: string,
    @Query() query: CampaignReportQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CampaignReport | StreamableFile> {
    return reportResponse(await this.reports.campaign(user, id, query), query.format, res);
  }

  @Get('overdue')
  @AnyRole()
  @ApiOperation({ summary: 'Everything overdue, oldest deadline first.', description: FILE_FORMATS })
  @ApiOkResponse({ description: 'OverdueReport (see libs/reports/src/overdue.ts).' })
  async overdue(
    @Query() query: OverdueQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OverdueReport | StreamableFile> {
    return reportResponse(await this.reports.overdue(user, query), query.format, res);
  }
}
