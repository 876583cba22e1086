import { WorkingCalendar } from '../calendar';

/** What a decider needs besides state, command and actor; the same for inspections and campaigns. */
export interface DecisionContext {
  /** The moment the command takes effect: workflow time, or the paper date of a back-filled record. */
  readonly now: Date;
  /** Names new things (corrective actions, accountability cases). Deterministic inside a workflow. */
  readonly newId: () => string;
  readonly calendar?: WorkingCalendar;
}
