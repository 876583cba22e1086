import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { UnitEntity } from '@inspectorate/directory';
import { decodeCursor, Page, pageLimit, toPage } from '../common/pagination';
import { FieldProblem, problems } from '../common/problem';
import { insertUnique } from '../common/unique-violation';
import { CreateUnitDto, ListUnitsQuery, UnitView, UpdateUnitDto } from './unit.dto';
import { AuditTrail, requestActor } from '../audit/audit-trail';

/**
 * The units of the authority: created, corrected and deactivated by the admin. A deactivated
 * unit keeps everything that happened to it (its inspections, reports and scorecards read the
 * same); it only can no longer be named by a new inspection (a campaign's target, an added
 * target, a follow-up).
 */
@Injectable()
export class UnitsService {
  private readonly logger = new Logger(UnitsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async list(query: ListUnitsQuery): Promise<Page<UnitView>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const q = this.db.getRepository(UnitEntity).createQueryBuilder('u').orderBy('u.code', 'ASC').addOrderBy('u.id', 'ASC').limit(limit + 1);
    if (query.active) q.andWhere('u.active = :active', { active: query.active === 'true' });
    if (after) q.andWhere('(u.code, u.id) > (:key, :id)', { key: after[0], id: after[1] });
    return toPage(await q.getMany(), limit, (u) => [u.code, u.id], toUnitView);
  }

  async find(id: string): Promise<UnitView | undefined> {
    const unit = await this.db.getRepository(UnitEntity).findOne({ where: { id } });
    return unit ? toUnitView(unit) : undefined;
  }

  async create(dto: CreateUnitDto): Promise<UnitView> {
    const repo = this.db.getRepository(UnitEntity);
    const unit = repo.create({ id: randomUUID(), code: dto.code, name: dto.name, kind: dto.kind, active: true, deactivatedAt: null });
    await insertUnique(() => repo.insert(unit), 'units_code_key', () => codeTaken(dto.code));
    await this.audit.record('unit_created', requestActor(), unit.id, { code: unit.code, name: unit.name, kind: unit.kind });
    return toUnitView(unit);
  }

  async update(id: string, dto: UpdateUnitDto): Promise<UnitView> {
    if (dto.code === undefined && dto.name === undefined && dto.kind === undefined) {
      throw problems.badRequest('Name at least one field to change.', [{ field: 'body', message: 'must have one of code, name, kind' }]);
    }
    const unit = await this.existing(id);
    const changes: Partial<UnitEntity> = {};
    if (dto.code !== undefined && dto.code !== unit.code) changes.code = dto.code;
    if (dto.name !== undefined && dto.name !== unit.name) changes.name = dto.name;
    if (dto.kind !== undefined && dto.kind !== unit.kind) changes.kind = dto.kind;
    if (Object.keys(changes).length === 0) return toUnitView(unit);
    const repo = this.db.getRepository(UnitEntity);
    // The unique index decides between two requests that change codes at the same moment.
    await insertUnique(() => repo.update({ id }, changes), 'units_code_key', () => codeTaken(changes.code ?? unit.code));
    this.logger.log({ msg: 'unit changed', unitId: id, fields: Object.keys(changes) });
    await this.audit.record('unit_changed', requestActor(), id, { code: unit.code, changes });
    return toUnitView({ ...unit, ...changes });
  }

  async deactivate(id: string, reason: string | undefined): Promise<UnitView> {
    const unit = await this.existing(id);
    if (!unit.active) throw problems.conflict(`The unit ${describe(unit)} is already deactivated.`);
    const deactivatedAt = new Date();
    // Conditional, so two deactivations at once cannot both succeed.
    const result = await this.db.getRepository(UnitEntity).update({ id, active: true }, { active: false, deactivatedAt });
    if (result.affected !== 1) throw problems.conflict(`The unit ${describe(unit)} is already deactivated.`);
    this.logger.log({ msg: 'unit deactivated', unitId: id, ...(reason ? { reason } : {}) });
    await this.audit.record('unit_deactivated', requestActor(), id, { code: unit.code, reason: reason ?? null });
    return toUnitView({ ...unit, active: false, deactivatedAt });
  }

  async reactivate(id: string): Promise<UnitView> {
    const unit = await this.existing(id);
    if (unit.active) throw problems.conflict(`The unit ${describe(unit)} is active.`);
    const result = await this.db.getRepository(UnitEntity).update({ id, active: false }, { active: true, deactivatedAt: null });
    if (result.affected !== 1) throw problems.conflict(`The unit ${describe(unit)} is active.`);
    this.logger.log({ msg: 'unit reactivated', unitId: id });
    await this.audit.record('unit_reactivated', requestActor(), id, { code: unit.code });
    return toUnitView({ ...unit, active: true, deactivatedAt: null });
  }

  /**
   * Refuses new inspections of deactivated units (409), naming each unit and the field that
   * names it. Units that do not exist are left to the caller's own check (400).
   */
  async refuseInactive(references: readonly { field: string; unitId: string }[]): Promise<void> {
    const ids = [...new Set(references.map((r) => r.unitId))];
    if (ids.length === 0) return;
    const inactive = await this.db.getRepository(UnitEntity).find({ where: { id: In(ids), active: false } });
    if (inactive.length === 0) return;
    const byId = new Map(inactive.map((u) => [u.id, u]));
    const errors: FieldProblem[] = references
      .filter((r) => byId.has(r.unitId))
      .map((r) => ({ field: r.field, message: `names the deactivated unit ${describe(byId.get(r.unitId)!)}` }));
    const names = inactive.map(describe).join(', ');
    throw problems.conflict(
      `${inactive.length === 1 ? `The unit ${names} is` : `The units ${names} are`} deactivated: no new inspection may name ${inactive.length === 1 ? 'it' : 'them'} (an admin can reactivate a unit: POST /units/:id/reactivate).`,
      { errors },
    );
  }

  private async existing(id: string): Promise<UnitEntity> {
    const unit = await this.db.getRepository(UnitEntity).findOne({ where: { id } });
    if (!unit) throw problems.notFound('The unit');
    return unit;
  }
}

export function toUnitView(unit: UnitEntity): UnitView {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    active: unit.active,
    ...(unit.deactivatedAt ? { deactivatedAt: unit.deactivatedAt.toISOString() } : {}),
  };
}

function describe(unit: Pick<UnitEntity, 'code' | 'name'>): string {
  return `${unit.code} (${unit.name})`;
}

function codeTaken(code: string) {
  return problems.conflict(`A unit with code ${code} already exists.`);
}
