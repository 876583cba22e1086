import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../auth/access.decorators';
import { ApiCommandProblems, ApiProblem, IDEMPOTENCY_HEADER_DOC } from '../common/api-responses';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/uuid-param.pipe';
import { CommandContext } from '../idempotency/command-options.decorator';
import { AccountabilityDecisionDto } from '../inspections/inspection.dto';
import { CommandOptions } from '../temporal/command-gateway';
import { AccountabilityCasePage, AccountabilityCaseView, ListCasesQuery } from './accountability.dto';
import { AccountabilityService } from './accountability.service';

/**
 * Accountability cases of heads of unit: opened by an overdue response or a second rejected
 * action, decided by the chairman. A unit head sees the cases about themself only.
 */
@ApiTags('Accountability')
@Controller('accountability-cases')
export class AccountabilityController {
  constructor(private readonly cases: AccountabilityService) {}

  @Get()
  @Roles('chairman', 'lead_inspector', 'unit_head')
  @ApiOkResponse({ type: AccountabilityCasePage, description: 'A unit head: the cases about their unit only.' })
  @ApiProblem(400)
  async list(@Query() query: ListCasesQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<AccountabilityCaseView>> {
    return this.cases.list(query, user);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('chairman')
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOkResponse({ type: AccountabilityCaseView, description: 'The case, decided.' })
  @ApiCommandProblems({
    404: 'No such accountability case.',
    409: 'The case was already decided, or its inspection accepts no more commands.',
  })
  async decide(
    @Param('id', new UuidParam()) id: string,
    @Body() dto: AccountabilityDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() options: CommandOptions,
  ): Promise<AccountabilityCaseView> {
    return this.cases.decide(id, dto, user, options);
  }
}
