import { FindingState, InspectionSight, inspectionSight, InspectionState, pendingContentHash, UserActor } from '@inspectorate/domain';

/**
 * What one caller may see of an inspection (the domain's `inspectionSight`). A unit head never
 * sees the visit window, the draft conclusion, its returns or the team's internal deadlines, nor
 * any follow-up (it is unannounced too); once approved they see exactly the approved snapshot.
 * Nor the stream's version: it counts the events they may not see, so a version that moves with
 * nothing visible happening would tell them that something (a follow-up being planned) did.
 */
export function toInspectionView(s: InspectionState, version: number, viewer: UserActor) {
  const sight = inspectionSight(viewer, s);
  const responses = new Map((s.response?.items ?? []).map((item) => [item.findingId, item]));

  return {
    id: s.id,
    campaignId: s.campaignId,
    unitId: s.unitId,
    year: s.year,
    status: s.status,
    ...(sight.versions ? { version } : {}),
    checklistVersion: s.checklistVersion,
    ...(sight.visitWindow
      ? { window: { windowStart: s.window.windowStart, windowEnd: s.window.windowEnd, opensAt: s.window.opensAt, closesAt: s.window.closesAt, missed: s.windowMissed } }
      : {}),
    ...(s.startedAt ? { startedAt: s.startedAt } : {}),
    ...(s.visitEndedAt ? { visitEndedAt: s.visitEndedAt } : {}),
    ...(s.closedAt ? { closedAt: s.closedAt } : {}),
    team: { leadInspectorId: s.team.leadInspectorId, inspectorIds: s.team.inspectorIds },
    ...(s.followUpOf ? { followUpOf: s.followUpOf } : {}),
    // A scheduled follow-up is itself an unannounced inspection: only its team and the chairman know.
    followUps: sight.followUps ? s.followUps : [],
    findings: s.findings.map((f) => findingView(f, responses.get(f.id))),
    ...conclusionView(s, sight),
    ...(s.response ? { response: { submittedAt: s.response.submittedAt, late: s.response.late, items: s.response.items } } : {}),
    ...(s.extension ? { extension: s.extension } : {}),
    actions: s.actions.map((a) => {
      const required = s.approval?.approved.conclusion.actions.find((r) => r.findingId === a.findingId);
      return { ...a, requiredDueDate: required?.dueDate };
    }),
    deadlines: {
      ...(s.conclusionDeadline && sight.conclusionDeadline ? { conclusion: { dueAt: s.conclusionDeadline.dueAt, overdue: s.conclusionOverdue } } : {}),
      ...(s.responseDeadline ? { response: { dueAt: s.responseDeadline.dueAt, overdue: s.responseOverdue } } : {}),
      actions: s.actions
        .filter((a) => a.status !== 'verified')
        .map((a) => ({ actionId: a.id, dueAt: a.dueAt, overdue: a.overdue })),
    },
    accountabilityCaseIds: s.cases.map((c) => c.id),
    accountabilityCases: s.cases,
    ...(s.cancellation ? { cancellation: { reason: s.cancellation.reason, at: s.cancellation.at, statusBefore: s.cancellation.statusBefore } } : {}),
  };
}

export type InspectionView = ReturnType<typeof toInspectionView>;

function findingView(f: FindingState, response: { position: string; explanation: string } | undefined) {
  return {
    id: f.id,
    criterionCode: f.criterionCode,
    severity: f.severity,
    description: f.description,
    evidence: f.evidence,
    people: f.people,
    authorId: f.authorId,
    status: f.status,
    recordedAt: f.recordedAt,
    ...(f.amendedAt ? { amendedAt: f.amendedAt } : {}),
    ...(f.withdrawal ? { withdrawal: f.withdrawal } : {}),
    ...(response ? { response: { position: response.position, explanation: response.explanation } } : {}),
    ...(f.dispute ? { dispute: f.dispute } : {}),
  };
}

function conclusionView(s: InspectionState, sight: InspectionSight) {
  if (s.approval) {
    const approved = s.approval.approved;
    return {
      conclusion: {
        summary: approved.conclusion.summary,
        rating: approved.conclusion.rating,
        actions: approved.conclusion.actions,
        dissents: approved.dissents,
        status: 'approved' as const,
        approval: { contentHash: s.approval.contentHash, approvedAt: s.approval.approvedAt },
      },
    };
  }
  if (!sight.draftConclusion) return {};
  if (!s.conclusion) return s.dissents.length > 0 ? { dissents: s.dissents } : {};
  return {
    conclusion: {
      summary: s.conclusion.summary,
      rating: s.conclusion.rating,
      actions: s.conclusion.actions,
      dissents: s.dissents,
      status: draftStatus(s),
      submittedAt: s.conclusion.submittedAt,
      returns: s.conclusion.returns,
      ...(pendingContentHash(s) ? { contentHash: pendingContentHash(s) } : {}),
    },
  };
}

/** A submitted conclusion not (yet) approved: waiting for the chairman, sent back, or dropped with its cancelled inspection. */
function draftStatus(s: InspectionState): 'awaiting_approval' | 'returned' | 'cancelled' {
  if (s.status === 'cancelled') return 'cancelled';
  return s.status === 'awaiting_approval' ? 'awaiting_approval' : 'returned';
}
