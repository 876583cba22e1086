import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { deadlineCorrections, isCalendarGap, UserActor } from '@inspectorate/domain';
import { UnitEntity } from '@inspectorate/directory';
import { InspectionEntity } from '@inspectorate/read-model';
import { AuditTrail, requestActor } from '../audit/audit-trail';
import { ProblemException } from '../common/problem';
import { CommandGateway, WorkflowGone } from '../temporal/command-gateway';
import { CorrectionPreviewView, CorrectionResultView, DeadlineCorrectionView } from './calendar.dto';
import { CalendarStore } from './calendar.store';

/** The statuses with a running deadline counted from the calendar. None is secret: the visit has started. */
const WITH_RUNNING_DEADLINES = ['drafting', 'awaiting_approval', 'awaiting_response'];

/**
 * A corrected calendar reaching running inspections, explicitly. The preview counts, from the
 * read model's states and the calendar as it is now, which running deadlines would move; applying
 * sends each of those inspections `RecomputeDeadlines` (carrying the calendar like every command),
 * and the workflow records `DeadlineRecomputed` and its timers follow. Nothing moves before that.
 */
@Injectable()
export class CalendarCorrections {
  private readonly logger = new Logger(CalendarCorrections.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: CalendarStore,
    private readonly gateway: CommandGateway,
    private readonly audit: AuditTrail,
  ) {}

  async preview(): Promise<CorrectionPreviewView> {
    const calendar = await this.store.workingCalendar();
    const rows = await this.db.getRepository(InspectionEntity).find({ where: { status: In(WITH_RUNNING_DEADLINES) }, select: { id: true, unitId: true, state: true } });
    const missingYears = new Set<number>();
    const found = rows.flatMap((row) => {
      try {
        return deadlineCorrections(row.state, calendar).map((c) => ({ inspectionId: row.id, unitId: row.unitId, ...c }));
      } catch (error) {
        if (!isCalendarGap(error)) throw error;
        missingYears.add(error.year);
        return [];
      }
    });
    const items = await this.named(found);
    return { affectedInspections: new Set(items.map((i) => i.inspectionId)).size, items, missingYears: [...missingYears].sort() };
  }

  async apply(reason: string, actor: UserActor, idempotencyKey?: string): Promise<CorrectionResultView> {
    const { items } = await this.preview();
    const inspections = [...new Set(items.map((i) => i.inspectionId))];
    const applied: string[] = [];
    // One at a time: a district has tens of running inspections, and each command waits for its projection.
    for (const inspectionId of inspections) {
      try {
        await this.gateway.inspection(inspectionId, { type: 'RecomputeDeadlines', reason }, actor, idempotencyKey ? { idempotencyKey: `${idempotencyKey}:${inspectionId}` } : {});
        applied.push(inspectionId);
      } catch (error) {
        // Moved on since the preview (answered, overdue, cancelled): its deadline is no longer the calendar's to move.
        if (error instanceof WorkflowGone || (error instanceof ProblemException && error.getStatus() === 409)) continue;
        throw error;
      }
    }
    const moved = items.filter((i) => applied.includes(i.inspectionId));
    await this.audit.record('calendar_correction_applied', requestActor(), null, { reason, inspections: applied, skipped: inspections.length - applied.length });
    this.logger.log({ msg: 'calendar correction applied', applied: applied.length, skipped: inspections.length - applied.length });
    return { appliedInspections: applied.length, items: moved, skippedInspections: inspections.length - applied.length };
  }

  private async named(found: Omit<DeadlineCorrectionView, 'unitName'>[]): Promise<DeadlineCorrectionView[]> {
    if (found.length === 0) return [];
    const units = await this.db.getRepository(UnitEntity).find({ where: { id: In([...new Set(found.map((f) => f.unitId))]) }, select: { id: true, name: true } });
    const nameOf = new Map(units.map((u) => [u.id, u.name]));
    return found.map((f) => ({ ...f, unitName: nameOf.get(f.unitId) ?? '' }));
  }
}
