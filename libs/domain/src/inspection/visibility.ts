import { InspectionStatus, Team } from './model';
import { UserActor } from '../shared/actor';

export interface VisibilityFacts {
  readonly unitId: string;
  readonly status: InspectionStatus;
  readonly team: Team;
  /** Set once the visit has started; a unit only ever learns of inspections that reached it. */
  readonly startedAt?: string;
}

export function isTeamMember(actor: UserActor, team: Team): boolean {
  return actor.userId === team.leadInspectorId || team.inspectorIds.includes(actor.userId);
}

/**
 * Unannounced means secret: until the visit starts, an inspection exists only for its team and
 * the chairman. To everyone else (the unit above all) it does not exist at all: not a 403, not a
 * count, not a line in a report. A unit head sees their own unit's inspections once started.
 */
export function canSeeInspection(actor: UserActor, facts: VisibilityFacts): boolean {
  const started = facts.startedAt !== undefined;
  switch (actor.role) {
    case 'unit_head':
      return started && actor.unitId === facts.unitId;
    case 'chairman':
      return true;
    case 'lead_inspector':
    case 'inspector':
    case 'admin':
      return started || isTeamMember(actor, facts.team);
  }
}

/** Whether the visit window may be shown: never to a unit head, even after the visit started. */
export function canSeeVisitWindow(actor: UserActor, facts: VisibilityFacts): boolean {
  return actor.role !== 'unit_head' && canSeeInspection(actor, facts);
}

export function isTerminal(status: InspectionStatus): boolean {
  return status === 'closed' || status === 'cancelled';
}
