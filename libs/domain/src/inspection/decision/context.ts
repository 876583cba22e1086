import { InspectionCommand, InspectionCommandType } from '../commands';
import { InspectionEvent } from '../events';
import { InspectionState } from '../state';
import { WorkingCalendar } from '../../calendar';
import { Actor, UserActor } from '../../shared/actor';
import { DecisionContext } from '../../shared/decision-context';
import { Rejection } from '../../shared/rejection';

export type { DecisionContext };

export type Decision = InspectionEvent[] | Rejection;

export type CommandOf<K extends InspectionCommandType> = Extract<InspectionCommand, { type: K }>;

/** What one command handler is given, once `decide` has checked that the actor may address the inspection at all. */
export interface HandlerInput<K extends InspectionCommandType> {
  /** Only planning runs before the stream exists; every other handler gets the current state. */
  readonly state: K extends 'PlanInspection' ? InspectionState | undefined : InspectionState;
  readonly command: CommandOf<K>;
  readonly actor: Actor;
  /** The actor when it is a person; undefined for the workflow's timers. */
  readonly user: UserActor | undefined;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  readonly newId: () => string;
}

export type Handler<K extends InspectionCommandType> = (input: HandlerInput<K>) => Decision;

/** One handler per command type: the compiler refuses a table with a command missing. */
export type HandlerTable = { readonly [K in InspectionCommandType]: Handler<K> };
