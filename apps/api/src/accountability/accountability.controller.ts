import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccountabilityCaseEntity } from '@inspectorate/read-model';
import { AuthenticatedUser, CurrentUser, Roles } from '../auth/access.decorators';
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

type CaseView = Omit<AccountabilityCaseEntity, 'openedAt' | 'decidedAt'> & { openedAt: string; decidedAt: string | null };

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
  async list(@Query() query: ListCasesQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<CaseView>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor);
    const q = this.db.getRepository(AccountabilityCaseEntity).createQueryBuilder('c').orderBy('c.opened_at', 'ASC').addOrderBy('c.id', 'ASC').limit(limit + 1);
    if (query.status) q.andWhere('c.status = :status', { status: query.status });
    if (user.role === 'unit_head') q.andWhere('c.unit_id = :unitId', { unitId: user.unitId });
    if (after) q.andWhere('(c.opened_at, c.id) > (:key, :id)', { key: after.key, id: after.id });
    const rows = await q.getMany();
    return toPage(rows, limit, (c) => ({ key: c.openedAt.toISOString(), id: c.id }), toView);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('chairman')
  async decide(
    @Param('id', new UuidParam()) id: string,
    @Body() dto: AccountabilityDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() options: CommandOptions,
  ): Promise<CaseView> {
    const found = await this.db.getRepository(AccountabilityCaseEntity).findOne({ where: { id } });
    if (!found) throw problems.notFound('The accountability case');
    await this.commands.send(found.inspectionId, { type: 'DecideAccountability', caseId: id, outcome: dto.outcome, note: dto.note }, user, options);
    const decided = await this.db.getRepository(AccountabilityCaseEntity).findOneOrFail({ where: { id } });
    return toView(decided);
  }
}

function toView(c: AccountabilityCaseEntity): CaseView {
  return { ...c, openedAt: c.openedAt.toISOString(), decidedAt: c.decidedAt?.toISOString() ?? null };
}
