import { iso, isTerminal } from '@inspectorate/domain';
import type { ActionRow } from '@inspectorate/read-model/rows';
import { OVERDUE_LABEL, OverdueKind } from '../labels';
import { ReportInspection, ReportRows, UnitDirectory, UnitRef, unitRef } from '../input';
import { before, MS_PER_DAY } from './time';

/** "A deadline before asOf, with the thing still not done." */
export interface OverdueItem extends UnitRef {
  readonly kind: OverdueKind;
  readonly label: string;
  readonly dueAt: string;
  /** Whole days (24 h) between the deadline and `asOf`. */
  readonly daysOverdue: number;
  readonly inspectionId: string;
  readonly campaignId: string;
  readonly year: number;
  /** For an action: the action, its finding and who carries it out. */
  readonly actionId: string | null;
  readonly findingId: string | null;
  readonly owner: string | null;
}

export function isConclusionOverdue(i: ReportInspection, asOf: Date): boolean {
  return i.status === 'drafting' && before(i.conclusionDueAt, asOf);
}

export function isResponseOverdue(i: ReportInspection, asOf: Date): boolean {
  return i.status === 'awaiting_response' && i.responseSubmittedAt === null && before(i.responseDueAt, asOf);
}

export function isActionOverdue(a: ActionRow, asOf: Date): boolean {
  return (a.status === 'open' || a.status === 'rejected') && before(a.dueAt, asOf);
}

const KIND_ORDER: Record<OverdueKind, number> = { conclusion: 0, response: 1, action: 2 };

/** Everything overdue, oldest deadline first (ties: conclusions, responses, actions, then by id). */
export function overdueItems(rows: ReportRows, asOf: Date, units: UnitDirectory): OverdueItem[] {
  const items: OverdueItem[] = [];
  const item = (kind: OverdueKind, i: ReportInspection, dueAt: Date, action?: ActionRow): OverdueItem => ({
    kind,
    label: OVERDUE_LABEL[kind],
    dueAt: iso(dueAt),
    daysOverdue: Math.floor((asOf.getTime() - dueAt.getTime()) / MS_PER_DAY),
    ...unitRef(units, i.unitId),
    inspectionId: i.id,
    campaignId: i.campaignId,
    year: i.year,
    actionId: action?.id ?? null,
    findingId: action?.findingId ?? null,
    owner: action?.owner ?? null,
  });
  const byId = new Map(rows.inspections.map((i) => [i.id, i]));
  for (const i of rows.inspections) {
    if (isConclusionOverdue(i, asOf)) items.push(item('conclusion', i, i.conclusionDueAt!));
    if (isResponseOverdue(i, asOf)) items.push(item('response', i, i.responseDueAt!));
  }
  for (const a of rows.actions) {
    const i = byId.get(a.inspectionId);
    if (i && !isTerminal(i.status) && isActionOverdue(a, asOf)) items.push(item('action', i, a.dueAt, a));
  }
  return items.sort(
    (a, b) =>
      Date.parse(a.dueAt) - Date.parse(b.dueAt) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.actionId ?? a.inspectionId).localeCompare(b.actionId ?? b.inspectionId),
  );
}

export interface OverdueByKind {
  readonly conclusion: number;
  readonly response: number;
  readonly action: number;
}

export function countByKind(items: readonly OverdueItem[]): OverdueByKind {
  return {
    conclusion: items.filter((i) => i.kind === 'conclusion').length,
    response: items.filter((i) => i.kind === 'response').length,
    action: items.filter((i) => i.kind === 'action').length,
  };
}
