import { iso } from '@inspectorate/domain';
import type { CaseRow } from '@inspectorate/read-model/rows';
import { CASE_REASON_LABEL } from '../labels';
import { UnitDirectory, UnitRef, unitRef } from '../input';
import { MS_PER_DAY } from './time';

export interface CaseItem extends UnitRef {
  readonly caseId: string;
  readonly inspectionId: string;
  readonly reason: string;
  readonly label: string;
  readonly actionId: string | null;
  readonly openedAt: string;
  readonly daysOpen: number;
}

export interface AccountabilitySummary {
  readonly total: number;
  readonly open: number;
  readonly decided: number;
  /** Open cases, oldest first. */
  readonly openCases: readonly CaseItem[];
}

export function accountabilitySummary(cases: readonly CaseRow[], asOf: Date, units: UnitDirectory): AccountabilitySummary {
  const open = cases
    .filter((c) => c.status === 'open')
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id))
    .map((c) => ({
      caseId: c.id,
      inspectionId: c.inspectionId,
      ...unitRef(units, c.unitId),
      reason: c.reason,
      label: CASE_REASON_LABEL[c.reason] ?? c.reason,
      actionId: c.actionId,
      openedAt: iso(c.openedAt),
      daysOpen: Math.floor((asOf.getTime() - c.openedAt.getTime()) / MS_PER_DAY),
    }));
  return { total: cases.length, open: open.length, decided: cases.length - open.length, openCases: open };
}
