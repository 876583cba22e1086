import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import { compareWork, UserActor, workFor, workTiming } from '@inspectorate/domain';
import { UnitEntity } from '@inspectorate/directory';
import { CampaignEntity, InspectionEntity } from '@inspectorate/read-model';
import { CalendarStore } from '../calendar/calendar.store';
import { InspectionAccess } from '../access/inspection-access';
import { WorkItemView, WorkPage } from './my-work.view';

const LIVE = ['planned', 'in_progress', 'drafting', 'awaiting_approval', 'awaiting_response', 'remediating'];

/**
 * "My work": the inspections that may be waiting for the caller, read from the projection, and
 * the domain's `workFor` on each one's state (which also re-checks that the caller may see it).
 * The candidates are narrowed by InspectionAccess like every other query of inspections.
 */
@Injectable()
export class MyWorkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarStore,
    private readonly access: InspectionAccess,
  ) {}

  async workOf(actor: UserActor, now = new Date()): Promise<WorkPage> {
    const candidates = await this.candidates(actor);
    if (candidates.length === 0) return { items: [], nextCursor: null };
    // Counted with the calendar as it is now; a count into a year without one is null, not a guess.
    const calendar = await this.calendar.workingCalendar();
    const facts = candidates.flatMap((row) => workFor(actor, row.state, now, calendar));
    if (facts.length === 0) return { items: [], nextCursor: null };
    const [campaigns, units] = await Promise.all([
      this.db.getRepository(CampaignEntity).find({ where: { id: In([...new Set(facts.map((f) => f.campaignId))]) }, select: { id: true, title: true } }),
      this.db.getRepository(UnitEntity).find({ where: { id: In([...new Set(facts.map((f) => f.unitId))]) }, select: { id: true, name: true } }),
    ]);
    const titleOf = new Map(campaigns.map((c) => [c.id, c.title]));
    const nameOf = new Map(units.map((u) => [u.id, u.name]));
    const items = facts
      .map((f) => ({ ...f, ...workTiming(f.dueAt, now, calendar) }))
      .sort(compareWork)
      .map(
        (f): WorkItemView => ({
          kind: f.kind,
          inspectionId: f.inspectionId,
          campaignId: f.campaignId,
          campaignTitle: titleOf.get(f.campaignId) ?? '',
          unitId: f.unitId,
          unitName: nameOf.get(f.unitId) ?? '',
          ...(f.findingId ? { findingId: f.findingId } : {}),
          ...(f.actionId ? { actionId: f.actionId } : {}),
          ...(f.caseId ? { caseId: f.caseId } : {}),
          dueAt: f.dueAt,
          workingDaysLeft: f.workingDaysLeft,
          overdue: f.overdue,
        }),
      );
    return { items, nextCursor: null };
  }

  /**
   * Only rows that can hold work for this role, and of those only the ones the caller may see
   * (a unit head's query never touches an unstarted inspection).
   */
  private candidates(actor: UserActor): Promise<Pick<InspectionEntity, 'id' | 'state'>[]> {
    const q = this.db.getRepository(InspectionEntity).createQueryBuilder('i').select(['i.id', 'i.state']);
    const visible = (query: typeof q) => this.access.restrict(query, actor).getMany();
    switch (actor.role) {
      case 'lead_inspector':
        return visible(q.where('i.lead_inspector_id = :me AND i.status IN (:...live)', { me: actor.userId, live: LIVE }));
      case 'inspector':
        return visible(q.where(":me = ANY(i.team_member_ids) AND i.status = 'in_progress'", { me: actor.userId }));
      case 'unit_head':
        if (!actor.unitId) return Promise.resolve([]);
        return visible(q.where("i.unit_id = :unit AND i.status IN ('awaiting_response', 'remediating')", { unit: actor.unitId }));
      case 'chairman':
        return visible(
          q.where(
            new Brackets((w) =>
              w.where("i.status = 'awaiting_approval'").orWhere("i.id IN (SELECT c.inspection_id FROM accountability_cases c WHERE c.status = 'open')"),
            ),
          ),
        );
      case 'admin':
        return Promise.resolve([]);
    }
  }
}
