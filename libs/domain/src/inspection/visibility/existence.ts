import { InspectionStatus, Team } from '../model';
import { UserActor } from '../../shared/actor';

/** What decides who may know an inspection exists: its unit, its team and whether the visit started. */
export interface VisibilityFacts {
  readonly unitId: string;
  readonly status: InspectionStatus;
  readonly team: Team;
  /** Set once the visit has started; a unit only ever learns of inspections that reached it. */
  readonly startedAt?: string;
}

/** The facts of a folded state (or of anything shaped like one: a projection row's state). */
export function visibilityFactsOf(s: VisibilityFacts): VisibilityFacts {
  return { unitId: s.unitId, status: s.status, team: s.team, startedAt: s.startedAt };
}

export function isTeamMember(actor: UserActor, team: Team): boolean {
  return actor.userId === team.leadInspectorId || team.inspectorIds.includes(actor.userId);
}

/**
 * Which inspections one caller may know of, as data rather than a predicate, so that the same
 * rule can be applied to a state in memory (`scopeAdmits`) and be rendered as SQL by the API's
 * access service (one rendering for every query):
 * - `everything`: the chairman;
 * - `own-unit-started`: a unit head, their unit's inspections once the visit started (a unit head
 *   without a unit sees nothing);
 * - `started-or-own-team`: other staff, every started inspection and those of teams they are on.
 */
export type VisibilityScope =
  | { readonly kind: 'everything' }
  | { readonly kind: 'own-unit-started'; readonly unitId: string | null }
  | { readonly kind: 'started-or-own-team'; readonly userId: string };

export function visibilityScope(actor: UserActor): VisibilityScope {
  switch (actor.role) {
    case 'chairman':
      return { kind: 'everything' };
    case 'unit_head':
      return { kind: 'own-unit-started', unitId: actor.unitId ?? null };
    case 'lead_inspector':
    case 'inspector':
    case 'admin':
      return { kind: 'started-or-own-team', userId: actor.userId };
  }
}

export function scopeAdmits(scope: VisibilityScope, facts: VisibilityFacts): boolean {
  const started = facts.startedAt !== undefined;
  switch (scope.kind) {
    case 'everything':
      return true;
    case 'own-unit-started':
      return started && scope.unitId !== null && scope.unitId === facts.unitId;
    case 'started-or-own-team':
      return started || scope.userId === facts.team.leadInspectorId || facts.team.inspectorIds.includes(scope.userId);
  }
}

/**
 * Unannounced means secret: until the visit starts, an inspection exists only for its team and
 * the chairman. To everyone else (the unit above all) it does not exist at all: not a 403, not a
 * count, not a line in a report. A unit head sees their own unit's inspections once started.
 */
export function canSeeInspection(actor: UserActor, facts: VisibilityFacts): boolean {
  return scopeAdmits(visibilityScope(actor), facts);
}

/** Whether the visit window may be shown: never to a unit head, even after the visit started. */
export function canSeeVisitWindow(actor: UserActor, facts: VisibilityFacts): boolean {
  return actor.role !== 'unit_head' && canSeeInspection(actor, facts);
}

export function isTerminal(status: InspectionStatus): boolean {
  return status === 'closed' || status === 'cancelled';
}
