/**
 * Who may do what to an inspection, as the transition table says: each check answers a 403 whose
 * reason names the missing right. Whether the inspection exists for the actor at all (404) is
 * decided before any of these, in `decide`.
 */
import { InspectionState } from '../state';
import { isTeamMember } from '../visibility';
import { UserActor } from '../../shared/actor';
import { forbidden, Rejection } from '../../shared/rejection';

export function isLead(user: UserActor, s: InspectionState): boolean {
  return user.role === 'lead_inspector' && user.userId === s.team.leadInspectorId;
}

export function requireLead(user: UserActor | undefined, s: InspectionState, what: string): Rejection | undefined {
  return user && isLead(user, s) ? undefined : forbidden(`Only the campaign's lead inspector may ${what}.`);
}

export function requireChairman(user: UserActor | undefined, what: string): Rejection | undefined {
  return user?.role === 'chairman' ? undefined : forbidden(`Only the chairman may ${what}.`);
}

export function requireUnitHead(user: UserActor | undefined, s: InspectionState, what: string): Rejection | undefined {
  return user?.role === 'unit_head' && user.unitId === s.unitId ? undefined : forbidden(`Only the head of the inspected unit may ${what}.`);
}

export function requireTeamMember(user: UserActor | undefined, s: InspectionState, what: string): Rejection | undefined {
  return user && (user.role === 'inspector' || user.role === 'lead_inspector') && isTeamMember(user, s.team)
    ? undefined
    : forbidden(`Only a member of the inspection team may ${what}.`);
}

/** Dissent is the voice of an inspector of the team against the lead's draft; the lead cannot dissent. */
export function requireTeamInspector(user: UserActor | undefined, s: InspectionState, what: string): Rejection | undefined {
  return user?.role === 'inspector' && s.team.inspectorIds.includes(user.userId) ? undefined : forbidden(`Only an inspector of this inspection's team may ${what}.`);
}
