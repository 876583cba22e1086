import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { ACCOUNTABILITY_OUTCOMES } from '@inspectorate/domain';
import { AccountabilityCaseEntity } from '@inspectorate/read-model';
import { AuthenticatedUser, CurrentUser, Roles } from '../auth/access.decorators';
import { ApiCommandProblems, ApiProblem, IDEMPOTENCY_HEADER_DOC } from '../common/api-responses';
import { decodeCursor, Page, PageQuery, pageLimit, toPage } from '../common/pagination';
import { problems } from '../common/problem';
import { UuidParam } from '../common/uuid-param.pipe';
import { CommandContext } from '../idempotency/command-options.decorator';
import { AccountabilityDecisionDto } from '../inspections/inspection.dto';
import { InspectionCommands } from '../inspections/inspection-commands.service';
import { CommandOptions } from '../temporal/command-gateway';

class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'decided'] }) @IsOptional() @IsIn(['open', 'decided']) status?: 'open' | 'decided';
}

/** An accountability case as listed and decided here (the projection's row; absent values are null). */
export class AccountabilityCaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The inspection the case arose in.' }) inspectionId!: string;
  @ApiProperty({ format: 'uuid', description: 'The unit whose head the case is about.' }) unitId!: string;
  @ApiProperty({ type: 'integer', example: 2023, description: 'The year of the inspection’s campaign.' }) year!: number;
  @ApiProperty({ enum: ['response_overdue', 'action_rejected_twice'] }) reason!: string;
  @ApiProperty({ enum: ['open', 'decided'] }) status!: string;
  @ApiProperty({ type: String, enum: [...ACCOUNTABILITY_OUTCOMES, null], nullable: true, description: 'The chairman’s decision; null while open.' }) outcome!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The chairman’s note; null while open.' }) note!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For action_rejected_twice: the corrective action; null otherwise.' }) actionId!: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while open.' }) decidedAt!: string | null;
}

export class AccountabilityCasePage {
  @ApiProperty({ type: [AccountabilityCaseView], description: 'Oldest opened first.' }) items!: AccountabilityCaseView[];
  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last.' }) nextCursor!: string | null;
}

/**
 * Accountability cases of heads of unit: opened by an overdue response or a second rejected
 * action, decided by the chairman. A unit head sees the cases about themself only.
 */
@ApiTags('Accountability')
@Controller('accountability-cases')
export class AccountabilityController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly commands: InspectionCommands,
  ) {}

  @Get()
  @Roles('chairman', 'lead_inspector', 'unit_head')
  @ApiOkResponse({ type: AccountabilityCasePage, description: 'A unit head: the cases about their unit only.' })
  @ApiProblem(400)
  async list(@Query() query: ListCasesQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<AccountabilityCaseView>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const q = this.db.getRepository(AccountabilityCaseEntity).createQueryBuilder('c').orderBy('c.opened_at', 'ASC').addOrderBy('c.id', 'ASC').limit(limit + 1);
    if (query.status) q.andWhere('c.status = :status', { status: query.status });
    if (user.role === 'unit_head') q.andWhere('c.unit_id = :unitId', { unitId: user.unitId });
    if (after) q.andWhere('(c.opened_at, c.id) > (:key, :id)', { key: after[0], id: after[1] });
    const rows = await q.getMany();
    return toPage(rows, limit, (c) => [c.openedAt.toISOString(), c.id], toView);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('chairman')
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOkResponse({ type: AccountabilityCaseView, description: 'The case, decided.' })
  @ApiCommandProblems({ 404: 'No such accountability case.', 409: 'The case was already decided, or its inspection accepts no more commands.' })
  async decide(
    @Param('id', new UuidParam()) id: string,
    @Body() dto: AccountabilityDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() options: CommandOptions,
  ): Promise<AccountabilityCaseView> {
    const found = await this.db.getRepository(AccountabilityCaseEntity).findOne({ where: { id } });
    if (!found) throw problems.notFound('The accountability case');
    await this.commands.send(found.inspectionId, { type: 'DecideAccountability', caseId: id, outcome: dto.outcome, note: dto.note }, user, options);
    const decided = await this.db.getRepository(AccountabilityCaseEntity).findOneOrFail({ where: { id } });
    return toView(decided);
  }
}

function toView(c: AccountabilityCaseEntity): AccountabilityCaseView {
  return { ...c, openedAt: c.openedAt.toISOString(), decidedAt: c.decidedAt?.toISOString() ?? null };
}
