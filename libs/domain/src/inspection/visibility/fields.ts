import { UserActor } from '../../shared/actor';
import { canSeeVisitWindow, isTeamMember, VisibilityFacts } from './existence';

/**
 * Which parts of an inspection one caller may see, given that it exists for them
 * (`canSeeInspection`). Views and event lists read these flags instead of asking the role.
 */
export interface InspectionSight {
  /** Its team or the chairman: they know of every follow-up scheduled from it. */
  readonly insider: boolean;
  /** The visit window (dates, opening and closing instants, missed): never a unit head. */
  readonly visitWindow: boolean;
  /**
   * The stream's version and the events' positions. Not a unit head: they count the events hidden
   * from them, so a number that moves with nothing visible happening would tell them something did.
   */
  readonly versions: boolean;
  /** Follow-ups scheduled from it: each is itself an unannounced inspection. */
  readonly followUps: boolean;
  /** A conclusion not (yet) approved, its returns and the dissents recorded before approval. */
  readonly draftConclusion: boolean;
  /** The team's own deadline for the conclusion. */
  readonly conclusionDeadline: boolean;
  /** Every event of the history, unredacted (else only `UNIT_HEAD_EVENTS`, see events.ts). */
  readonly wholeHistory: boolean;
}

export function inspectionSight(actor: UserActor, facts: VisibilityFacts): InspectionSight {
  const insider = actor.role === 'chairman' || isTeamMember(actor, facts.team);
  const staff = actor.role !== 'unit_head';
  return {
    insider,
    visitWindow: canSeeVisitWindow(actor, facts),
    versions: staff,
    followUps: insider,
    draftConclusion: staff,
    conclusionDeadline: staff,
    wholeHistory: staff,
  };
}
