import { CampaignState, InspectionState, InspectionStatus, isTerminal } from '@inspectorate/domain';
import { findingSearchText } from './search-text';

/**
 * The flat rows the read side is made of, derived from folded state by pure functions. The
 * database projector stores them; "as of a past date" reports build them in memory from the
 * events of that time. Same rows, same report code, so the two cannot drift apart.
 */
export interface InspectionRow {
  id: string;
  campaignId: string;
  unitId: string;
  year: number;
  status: InspectionStatus;
  leadInspectorId: string;
  teamMemberIds: string[];
  followUpOf: string | null;
  plannedAt: Date;
  windowOpensAt: Date;
  windowClosesAt: Date;
  windowMissed: boolean;
  startedAt: Date | null;
  visitEndedAt: Date | null;
  conclusionDueAt: Date | null;
  conclusionOverdue: boolean;
  submittedAt: Date | null;
  approvedAt: Date | null;
  rating: string | null;
  responseDueAt: Date | null;
  responseSubmittedAt: Date | null;
  responseLate: boolean | null;
  responseOverdue: boolean;
  closedAt: Date | null;
  cancelledAt: Date | null;
  /** Live findings: recorded and not withdrawn. */
  findingsCount: number;
  /** Live findings not yet remedied, while the inspection is neither closed nor cancelled (as FindingRow.open). */
  openFindingsCount: number;
  version: number;
  state: InspectionState;
  updatedAt: Date;
}

export interface FindingRow {
  id: string;
  inspectionId: string;
  unitId: string;
  year: number;
  criterionCode: string;
  severity: string;
  status: string;
  dispute: string | null;
  requiresAction: boolean;
  /** Open while the finding is live and its inspection is not closed or cancelled. */
  open: boolean;
  recordedAt: Date;
  /** Its text folded for accent-insensitive search (`foldForSearch`). */
  searchText: string;
}

export interface ActionRow {
  id: string;
  inspectionId: string;
  unitId: string;
  year: number;
  findingId: string;
  status: string;
  owner: string;
  dueAt: Date;
  overdue: boolean;
  rejections: number;
  plannedAt: Date;
  reportedAt: Date | null;
  verifiedAt: Date | null;
}

export interface CaseRow {
  id: string;
  inspectionId: string;
  unitId: string;
  year: number;
  reason: string;
  status: string;
  outcome: string | null;
  note: string | null;
  actionId: string | null;
  openedAt: Date;
  decidedAt: Date | null;
}

export interface CampaignRow {
  id: string;
  title: string;
  year: number;
  legalBasis: string;
  leadInspectorId: string;
  inspectorIds: string[];
  status: string;
  createdAt: Date;
  completedAt: Date | null;
  version: number;
  state: CampaignState;
}

const date = (iso: string | undefined): Date | null => (iso ? new Date(iso) : null);

export function inspectionRow(s: InspectionState, version: number, updatedAt: Date): InspectionRow {
  const live = s.findings.filter((f) => f.status === 'open');
  const open = findingRows(s).filter((f) => f.open);
  return {
    id: s.id,
    campaignId: s.campaignId,
    unitId: s.unitId,
    year: s.year,
    status: s.status,
    leadInspectorId: s.team.leadInspectorId,
    teamMemberIds: [s.team.leadInspectorId, ...s.team.inspectorIds],
    followUpOf: s.followUpOf ?? null,
    plannedAt: new Date(s.plannedAt),
    windowOpensAt: new Date(s.window.opensAt),
    windowClosesAt: new Date(s.window.closesAt),
    windowMissed: s.windowMissed,
    startedAt: date(s.startedAt),
    visitEndedAt: date(s.visitEndedAt),
    conclusionDueAt: date(s.conclusionDeadline?.dueAt),
    conclusionOverdue: s.conclusionOverdue,
    submittedAt: date(s.conclusion?.submittedAt),
    approvedAt: date(s.approval?.approvedAt),
    rating: s.approval?.approved.conclusion.rating ?? null,
    responseDueAt: date(s.responseDeadline?.dueAt),
    responseSubmittedAt: date(s.response?.submittedAt),
    responseLate: s.response ? s.response.late : null,
    responseOverdue: s.responseOverdue,
    closedAt: date(s.closedAt),
    cancelledAt: date(s.cancellation?.at),
    findingsCount: live.length,
    openFindingsCount: open.length,
    version,
    state: s,
    updatedAt,
  };
}

export function findingRows(s: InspectionState): FindingRow[] {
  const required = new Set((s.approval?.approved.conclusion.actions ?? s.conclusion?.actions ?? []).map((a) => a.findingId));
  const verified = new Set(s.actions.filter((a) => a.status === 'verified').map((a) => a.findingId));
  return s.findings.map((f) => ({
    id: f.id,
    inspectionId: s.id,
    unitId: s.unitId,
    year: s.year,
    criterionCode: f.criterionCode,
    severity: f.severity,
    status: f.status,
    dispute: f.dispute?.status ?? null,
    requiresAction: required.has(f.id),
    open: f.status === 'open' && !isTerminal(s.status) && !verified.has(f.id),
    recordedAt: new Date(f.recordedAt),
    searchText: findingSearchText(f),
  }));
}

export function actionRows(s: InspectionState): ActionRow[] {
  return s.actions.map((a) => ({
    id: a.id,
    inspectionId: s.id,
    unitId: s.unitId,
    year: s.year,
    findingId: a.findingId,
    status: a.status,
    owner: a.owner,
    dueAt: new Date(a.dueAt),
    overdue: a.overdue,
    rejections: a.rejections,
    plannedAt: new Date(a.plannedAt),
    reportedAt: date(a.reportedAt),
    verifiedAt: date(a.verifiedAt),
  }));
}

export function caseRows(s: InspectionState): CaseRow[] {
  return s.cases.map((c) => ({
    id: c.id,
    inspectionId: s.id,
    unitId: c.unitId,
    year: s.year,
    reason: c.reason,
    status: c.status,
    outcome: c.outcome ?? null,
    note: c.note ?? null,
    actionId: c.actionId ?? null,
    openedAt: new Date(c.openedAt),
    decidedAt: date(c.decidedAt),
  }));
}

export function campaignRow(s: CampaignState, version: number): CampaignRow {
  return {
    id: s.id,
    title: s.title,
    year: s.year,
    legalBasis: s.legalBasis,
    leadInspectorId: s.team.leadInspectorId,
    inspectorIds: [...s.team.inspectorIds],
    status: s.status,
    createdAt: new Date(s.createdAt),
    completedAt: date(s.completedAt),
    version,
    state: s,
  };
}
