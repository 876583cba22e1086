import { INSPECTION_STATUSES, InspectionStatus, isTerminal } from '@inspectorate/domain';
import { ReportInspection } from '../input';
import { Ratio, ratio } from '../ratio';

export interface InspectionCounts {
  /** Every inspection in scope that the viewer may know of, whatever became of it (the plan). */
  readonly planned: number;
  /** Still `planned`: the visit has not started (only the team and the chairman ever count these). */
  readonly notYetStarted: number;
  /** The visit started, whatever happened after. */
  readonly started: number;
  /** Started and neither closed nor cancelled. */
  readonly ongoing: number;
  readonly closed: number;
  readonly cancelled: number;
  readonly byStatus: Readonly<Record<InspectionStatus, number>>;
  /** started / planned: how much of the plan was carried out. */
  readonly startedOfPlanned: Ratio;
  /** closed / started: how many of the inspections that took place are finished. */
  readonly closedOfStarted: Ratio;
}

export function inspectionCounts(inspections: readonly ReportInspection[]): InspectionCounts {
  const byStatus = Object.fromEntries(INSPECTION_STATUSES.map((s) => [s, 0])) as Record<InspectionStatus, number>;
  for (const i of inspections) byStatus[i.status] += 1;
  const planned = inspections.length;
  const started = inspections.filter((i) => i.startedAt !== null).length;
  const closed = byStatus.closed;
  return {
    planned,
    notYetStarted: byStatus.planned,
    started,
    ongoing: inspections.filter((i) => i.startedAt !== null && !isTerminal(i.status)).length,
    closed,
    cancelled: byStatus.cancelled,
    byStatus,
    startedOfPlanned: ratio(started, planned),
    closedOfStarted: ratio(closed, started),
  };
}
