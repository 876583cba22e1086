/**
 * Given / when / then for the inspection decider. A story is a list of stamped events, built
 * either by folding events you write yourself or by running commands through `decide` and
 * `evolve` with a fixed clock and a counter for new ids (`id-1`, `id-2`, …). Test code only.
 *
 *   given(story).when(people.unitHead, { type: 'SubmitResponse', items }, '2026-03-20 10:00')
 *     .thenEvents('ResponseSubmitted', 'CorrectiveActionPlanned');
 */
import { localTime, T } from './fixtures';
import { InspectionCommand } from '../src/inspection/commands';
import { decide, Decision, DecisionContext } from '../src/inspection/decide';
import { InspectionEvent, InspectionEventOf, InspectionEventType } from '../src/inspection/events';
import { evolve } from '../src/inspection/evolve';
import { InspectionStatus } from '../src/inspection/model';
import { ActionState, AccountabilityCaseState, FindingState, InspectionState } from '../src/inspection/state';
import { WorkingCalendar } from '../src/calendar';
import { Actor, describeActor } from '../src/shared/actor';
import { Stamped } from '../src/shared/envelope';
import { FieldError, isRejection, Rejection, RejectionCode } from '../src/shared/rejection';

export type When = string | Date;

/** A decision context with a fixed clock; new ids count up from `firstId`. */
export function fixedContext(at: When, firstId = 1, calendar?: WorkingCalendar): DecisionContext & { readonly idsUsed: () => number } {
  let next = firstId;
  return {
    now: localTime(at),
    newId: () => `id-${next++}`,
    idsUsed: () => next - firstId,
    ...(calendar ? { calendar } : {}),
  };
}

/** The time for the next command: `at` if given, but never before a minute after the last event. */
export function later(s: InspectionState, at: When | undefined): Date {
  const next = Date.parse(s.lastEventAt) + 60_000;
  return at === undefined ? new Date(next) : new Date(Math.max(next, localTime(at).getTime()));
}

export function stamp(events: readonly InspectionEvent[], actor: Actor, at: When): Stamped<InspectionEvent>[] {
  const occurredAt = localTime(at).toISOString();
  return events.map((event) => ({ ...event, actor, occurredAt }) as Stamped<InspectionEvent>);
}

export function foldEvents(events: readonly Stamped<InspectionEvent>[]): InspectionState | undefined {
  return events.reduce<InspectionState | undefined>((state, event) => evolve(state, event), undefined);
}

/** An immutable history of one inspection: every `run` returns a new story. */
export class InspectionStory {
  private cached?: InspectionState;

  private constructor(
    readonly events: readonly Stamped<InspectionEvent>[],
    private readonly idsUsed: number,
  ) {}

  static empty(): InspectionStory {
    return new InspectionStory([], 0);
  }

  /** A story from events written by hand (ids of later decisions continue after `idsUsed`). */
  static of(events: readonly Stamped<InspectionEvent>[], idsUsed = 0): InspectionStory {
    return new InspectionStory([...events], idsUsed);
  }

  get maybeState(): InspectionState | undefined {
    if (this.events.length === 0) return undefined;
    this.cached ??= foldEvents(this.events);
    return this.cached;
  }

  get state(): InspectionState {
    const state = this.maybeState;
    if (!state) throw new Error('This story has no events yet.');
    return state;
  }

  /** One minute after the last event: the default time of the next command. */
  get nextMinute(): Date {
    const state = this.maybeState;
    return state ? new Date(Date.parse(state.lastEventAt) + 60_000) : localTime(T.planned);
  }

  context(at: When): ReturnType<typeof fixedContext> {
    return fixedContext(at, this.idsUsed + 1);
  }

  /** What the decider answers, without changing the story. */
  decide(actor: Actor, command: InspectionCommand, at: When = this.nextMinute): Decision {
    return decide(this.maybeState, command, actor, this.context(at));
  }

  /** The story after the command; a rejection here is a broken test setup and fails loudly. */
  run(actor: Actor, command: InspectionCommand, at: When = this.nextMinute): InspectionStory {
    const ctx = this.context(at);
    const decision = decide(this.maybeState, command, actor, ctx);
    if (isRejection(decision)) {
      throw new Error(
        `Setup step ${command.type} by ${describeActor(actor)} at ${ctx.now.toISOString()} was rejected (${decision.code}): ${decision.reason} ${JSON.stringify(decision.errors ?? [])}`,
      );
    }
    return new InspectionStory([...this.events, ...stamp(decision, actor, ctx.now)], this.idsUsed + ctx.idsUsed());
  }

  /** The story with events appended as they are, without asking the decider. */
  record(events: readonly InspectionEvent[], actor: Actor, at: When = this.nextMinute): InspectionStory {
    return new InspectionStory([...this.events, ...stamp(events, actor, at)], this.idsUsed);
  }
}

export function given(story: InspectionStory | readonly Stamped<InspectionEvent>[]): {
  when: (actor: Actor, command: InspectionCommand, at?: When) => Outcome;
} {
  const base = story instanceof InspectionStory ? story : InspectionStory.of(story);
  return {
    when: (actor, command, at = base.nextMinute) => new Outcome(base, actor, command, localTime(at), base.decide(actor, command, at)),
  };
}

export class Outcome {
  constructor(
    readonly story: InspectionStory,
    readonly actor: Actor,
    readonly command: InspectionCommand,
    readonly at: Date,
    readonly decision: Decision,
  ) {}

  private describe(): string {
    return `${this.command.type} by ${describeActor(this.actor)} at ${this.at.toISOString()}`;
  }

  /** The accepted events; fails with the rejection's reason when there are none. */
  get events(): InspectionEvent[] {
    if (isRejection(this.decision)) {
      throw new Error(
        `Expected ${this.describe()} to be accepted, but it was rejected (${this.decision.code}): ${this.decision.reason} ${JSON.stringify(this.decision.errors ?? [])}`,
      );
    }
    return this.decision;
  }

  /** The state after the accepted events. */
  get after(): InspectionState {
    return this.story.run(this.actor, this.command, this.at).state;
  }

  /** The story after the accepted events, to go on from. */
  get next(): InspectionStory {
    return this.story.run(this.actor, this.command, this.at);
  }

  /** Exactly these event types, in this order. */
  thenEvents(...types: InspectionEventType[]): InspectionEvent[] {
    const events = this.events;
    expect(events.map((e) => e.type)).toEqual(types);
    return events;
  }

  /** The data of the one event of this type among those decided. */
  thenEvent<K extends InspectionEventType>(type: K): InspectionEventOf<K>['data'] {
    const matching = this.events.filter((e): e is InspectionEventOf<K> => e.type === type);
    expect(matching.map((e) => e.type)).toEqual([type]);
    return matching[0].data as InspectionEventOf<K>['data'];
  }

  thenRejected(code: RejectionCode, reason?: RegExp | string): Rejection {
    const decision = this.decision;
    if (!isRejection(decision)) {
      throw new Error(
        `Expected ${this.describe()} to be rejected (${code}), but it was accepted: ${decision.map((e) => e.type).join(', ')}`,
      );
    }
    expect({ code: decision.code, reason: decision.reason }).toEqual({
      code,
      reason: reason === undefined ? expect.any(String) : expect.stringMatching(reason),
    });
    return decision;
  }

  /** 409, and the reason names the current status (the transition table's rule for any command out of place). */
  thenConflictNaming(status: InspectionStatus): Rejection {
    return this.thenRejected('conflict', new RegExp(`\\b${status}\\b`));
  }

  /** 403, and the reason names the right that is missing. */
  thenForbidden(missingRight: RegExp | string): Rejection {
    return this.thenRejected('forbidden', missingRight);
  }

  /** 404: for this actor the inspection (or the thing named) does not exist. */
  thenNotFound(reason?: RegExp | string): Rejection {
    return this.thenRejected('not_found', reason);
  }

  /** 400 with errors on exactly these field paths. */
  thenInvalid(...fields: string[]): readonly FieldError[] {
    const rejection = this.thenRejected('invalid');
    const errors = rejection.errors ?? [];
    if (fields.length > 0) expect(errors.map((e) => e.field)).toEqual(fields);
    return errors;
  }
}

export function findingById(state: InspectionState, findingId: string): FindingState {
  const finding = state.findings.find((f) => f.id === findingId);
  if (!finding) throw new Error(`No finding ${findingId}`);
  return finding;
}

/** The corrective action planned for a finding. */
export function actionFor(state: InspectionState, findingId: string): ActionState {
  const action = state.actions.find((a) => a.findingId === findingId);
  if (!action) throw new Error(`No corrective action for finding ${findingId}`);
  return action;
}

export function openCase(state: InspectionState): AccountabilityCaseState | undefined {
  return state.cases.find((c) => c.status === 'open');
}
