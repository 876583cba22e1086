import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles, StaffOnly } from '../auth/access.decorators';
import { ApiJsonBodyProblems, ApiProblem, ApiProblems, IDEMPOTENCY_HEADER_DOC } from '../common/api-responses';
import { UuidParam } from '../common/uuid-param.pipe';
import { CommandContext } from '../idempotency/command-options.decorator';
import { EmptyDto } from '../inspections/inspection.dto';
import { CommandOptions } from '../temporal/command-gateway';
import {
  ApplyCorrectionDto,
  CalendarEntryView,
  CalendarYearQuery,
  CalendarYearsView,
  CalendarYearView,
  CorrectionPreviewView,
  CorrectionResultView,
  CreateCalendarEntryDto,
  UpdateCalendarEntryDto,
} from './calendar.dto';
import { CalendarCorrections } from './calendar-corrections';
import { CalendarService } from './calendar.service';

@ApiTags('Working-day calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly corrections: CalendarCorrections,
  ) {}

  @Get('years')
  @StaffOnly()
  @ApiOperation({ summary: 'The years that have a working-day calendar, with their counts of holidays and make-up working days.' })
  @ApiOkResponse({ type: CalendarYearsView })
  years(): Promise<CalendarYearsView> {
    return this.calendar.years();
  }

  @Get('entries')
  @StaffOnly()
  @ApiOperation({ summary: 'One year’s holidays and make-up working days, by date, each with its source. `covered: false`: deadlines counted into it are refused.' })
  @ApiOkResponse({ type: CalendarYearView })
  @ApiProblem(400)
  year(@Query() query: CalendarYearQuery): Promise<CalendarYearView> {
    return this.calendar.year(query.year);
  }

  @Post('entries')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Add a holiday (a weekday) or a make-up working day (a Saturday or Sunday). New deadlines use it at once; running ones only once the correction is applied.' })
  @ApiCreatedResponse({ type: CalendarEntryView })
  @ApiProblems(400, [409, 'The calendar already has an entry on that day.'])
  @ApiJsonBodyProblems()
  add(@Body() dto: CreateCalendarEntryDto): Promise<CalendarEntryView> {
    return this.calendar.add(dto);
  }

  @Patch('entries/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change any of an entry’s fields.' })
  @ApiOkResponse({ type: CalendarEntryView })
  @ApiProblems(400, [404, 'No such calendar entry.'], [409, 'The calendar already has an entry on that day.'])
  @ApiJsonBodyProblems()
  update(@Param('id', new UuidParam()) id: string, @Body() dto: UpdateCalendarEntryDto): Promise<CalendarEntryView> {
    return this.calendar.update(id, dto);
  }

  @Post('entries/:id/remove')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove an entry. A year whose last entry is removed has no calendar any more: deadlines counted into it are refused.' })
  @ApiNoContentResponse({ description: 'Removed (and recorded in the audit log).' })
  @ApiProblems(400, [404, 'No such calendar entry.'])
  @ApiJsonBodyProblems()
  async remove(@Param('id', new UuidParam()) id: string, @Body() _: EmptyDto): Promise<void> {
    await this.calendar.remove(id);
  }

  @Get('corrections')
  @Roles('admin')
  @ApiOperation({ summary: 'Which running deadlines the calendar as it is now would move (none moves until the correction is applied).' })
  @ApiOkResponse({ type: CorrectionPreviewView })
  preview(): Promise<CorrectionPreviewView> {
    return this.corrections.preview();
  }

  @Post('corrections')
  @HttpCode(200)
  @Roles('admin')
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: 'Apply the calendar to running inspections: each affected one records DeadlineRecomputed (old due, new due, reason) and its timers follow.' })
  @ApiOkResponse({ type: CorrectionResultView })
  @ApiProblems(400, 503)
  @ApiJsonBodyProblems()
  apply(@Body() dto: ApplyCorrectionDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions): Promise<CorrectionResultView> {
    return this.corrections.apply(dto.reason, user, o.idempotencyKey);
  }
}
