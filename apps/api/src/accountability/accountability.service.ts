import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountabilityOutcome, UserActor } from '@inspectorate/domain';
import { AccountabilityCaseEntity } from '@inspectorate/read-model';
import { InspectionAccess } from '../access/inspection-access';
import { decodeCursor, Page, pageLimit, toPage } from '../common/pagination';
import { problems } from '../common/problem';
import { CommandOptions } from '../temporal/command-gateway';
import { InspectionCommands } from '../inspections/inspection-commands.service';
import { AccountabilityCaseView, ListCasesQuery } from './accountability.dto';

/**
 * Accountability cases, from the projection: listed for the chairman, the lead inspector and
 * (their own unit's only) a unit head, decided by the chairman through the inspection's workflow.
 * A case belongs to an inspection, and is listed only where that inspection is visible
 * (InspectionAccess); a case only ever arises after the visit, so that hides nothing today, and
 * keeps it so.
 */
@Injectable()
export class AccountabilityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: InspectionAccess,
    private readonly commands: InspectionCommands,
  ) {}

  async list(query: ListCasesQuery, user: UserActor): Promise<Page<AccountabilityCaseView>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const visible = this.access.existsVisible(user, 'c.inspection_id');
    const q = this.db
      .getRepository(AccountabilityCaseEntity)
      .createQueryBuilder('c')
      .where(visible.sql, visible.params)
      .orderBy('c.opened_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit + 1);
    if (query.status) q.andWhere('c.status = :status', { status: query.status });
    if (user.role === 'unit_head') q.andWhere('c.unit_id = :unitId', { unitId: user.unitId });
    if (after) q.andWhere('(c.opened_at, c.id) > (:key, :id)', { key: after[0], id: after[1] });
    const rows = await q.getMany();
    return toPage(rows, limit, (c) => [c.openedAt.toISOString(), c.id], toView);
  }

  /** The chairman's decision, sent to the case's inspection; answers with the case as decided. */
  async decide(
    id: string,
    decision: { outcome: AccountabilityOutcome; note: string },
    user: UserActor,
    options: CommandOptions,
  ): Promise<AccountabilityCaseView> {
    const found = await this.db.getRepository(AccountabilityCaseEntity).findOne({ where: { id } });
    if (!found) throw problems.notFound('The accountability case');
    await this.commands.send(
      found.inspectionId,
      { type: 'DecideAccountability', caseId: id, outcome: decision.outcome, note: decision.note },
      user,
      options,
    );
    const decided = await this.db.getRepository(AccountabilityCaseEntity).findOneOrFail({ where: { id } });
    return toView(decided);
  }
}

function toView(c: AccountabilityCaseEntity): AccountabilityCaseView {
  return {
    id: c.id,
    inspectionId: c.inspectionId,
    unitId: c.unitId,
    year: c.year,
    reason: c.reason,
    status: c.status,
    outcome: c.outcome,
    note: c.note,
    actionId: c.actionId,
    openedAt: c.openedAt.toISOString(),
    decidedAt: c.decidedAt?.toISOString() ?? null,
  };
}
