/** During the visit: findings are recorded, amended and withdrawn, and the lead ends the visit. */
import { HandlerTable } from '../context';
import { requireLead, requireTeamMember } from '../permissions';
import { findFinding, requireOpenFinding, requireRoom, requireStatus } from '../preconditions';
import { FINDING_CONTENT_KEYS, pickContent, requireText, validateFindingContent } from '../validation';
import { FindingContent } from '../../model';
import { isTeamMember } from '../../visibility';
import { deadlineAfter } from '../../../calendar';
import { LIMITS } from '../../../shared/limits';
import { conflict, forbidden, invalid, isRejection, notFound } from '../../../shared/rejection';
import { iso } from '../../../shared/time';

export const visitHandlers: Pick<HandlerTable, 'RecordFinding' | 'AmendFinding' | 'WithdrawFinding' | 'EndVisit'> = {
  RecordFinding: ({ state: s, command, user }) => {
    const denied = requireTeamMember(user, s, 'record a finding') ?? requireStatus(s, ['in_progress'], 'record a finding');
    if (denied) return denied;
    if (s.findings.some((f) => f.id === command.findingId)) return conflict(`A finding with id ${command.findingId} already exists.`);
    const full = requireRoom(s.findings.length, LIMITS.inspection.findings, 'record a finding', 'the inspection', 'findings');
    if (full) return full;
    const content = validateFindingContent(s, {
      criterionCode: command.criterionCode,
      severity: command.severity,
      description: command.description,
      evidence: command.evidence ?? [],
      people: command.people ?? [],
    });
    if (isRejection(content)) return content;
    return [{ type: 'FindingRecorded', data: { findingId: command.findingId, authorId: user!.userId, ...content } }];
  },

  AmendFinding: ({ state: s, command, user }) => {
    if (!user || !isTeamMember(user, s.team)) return forbidden('Only the author of a finding may amend it.');
    const busy = requireStatus(s, ['in_progress'], 'amend a finding');
    if (busy) return busy;
    const finding = findFinding(s, command.findingId);
    if (!finding) return notFound(`Finding ${command.findingId} not found.`);
    if (user.userId !== finding.authorId) return forbidden('Only the author of a finding may amend it.');
    const denied = requireOpenFinding(finding, 'amend');
    if (denied) return denied;
    const requested = command.changes ?? {};
    const keys = FINDING_CONTENT_KEYS.filter((key) => requested[key] !== undefined);
    if (keys.length === 0) return invalid('Nothing to amend: send at least one field to change.');
    const merged = validateFindingContent(s, { ...pickContent(finding), ...Object.fromEntries(keys.map((key) => [key, requested[key]])) });
    if (isRejection(merged)) return merged;
    const changes = Object.fromEntries(keys.map((key) => [key, merged[key]])) as Partial<FindingContent>;
    return [{ type: 'FindingAmended', data: { findingId: finding.id, changes } }];
  },

  WithdrawFinding: ({ state: s, command, user }) => {
    const refused = forbidden('Only the author of a finding or the lead inspector may withdraw it.');
    if (!user || !isTeamMember(user, s.team)) return refused;
    const busy = requireStatus(s, ['in_progress'], 'withdraw a finding');
    if (busy) return busy;
    const finding = findFinding(s, command.findingId);
    if (!finding) return notFound(`Finding ${command.findingId} not found.`);
    if (user.userId !== finding.authorId && user.userId !== s.team.leadInspectorId) return refused;
    const denied = requireOpenFinding(finding, 'withdraw');
    if (denied) return denied;
    const reason = requireText(command.reason, 'reason', LIMITS.text.long);
    if (isRejection(reason)) return reason;
    return [{ type: 'FindingWithdrawn', data: { findingId: finding.id, reason, withdrawnBy: user.userId } }];
  },

  EndVisit: ({ state: s, user, now, calendar }) => {
    const denied = requireLead(user, s, 'end the visit') ?? requireStatus(s, ['in_progress'], 'end the visit');
    if (denied) return denied;
    const conclusionDueAt = deadlineAfter(now, s.policy.conclusionDeadline, calendar);
    return [{ type: 'VisitEnded', data: { endedAt: iso(now), conclusionDueAt: iso(conclusionDueAt) } }];
  },
};
