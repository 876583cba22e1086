import type { CampaignEvent } from '../campaign/campaign';
import type { InspectionEvent } from '../inspection/events';
import { Actor } from './actor';
import { Instant } from './time';

/** What folding needs besides the event itself: when it happened and who did it. */
export interface Stamp {
  readonly occurredAt: Instant;
  readonly actor: Actor;
}

export type Stamped<E> = E & Stamp;

/** The least an event is: a type and its data. */
export interface EventShape {
  readonly type: string;
  readonly data: unknown;
}

/** Every event the log holds: an inspection's or a campaign's (their type names are distinct). */
export type DomainEvent = InspectionEvent | CampaignEvent;

/**
 * A decided event with its identity, ready for the log: what the workflow stamps and the event
 * store appends. An intersection, so a union of events stays a union (each `type` keeps its
 * `data`) and `evolve` takes it as it is, without a cast.
 */
export type EventToAppend<E extends EventShape = DomainEvent> = Stamped<E> & {
  readonly id: string;
  readonly metadata: EventMetadata;
};

/** The way an event is kept in the log: appended to a stream, at a version. */
export type RecordedEvent<E extends EventShape = DomainEvent> = EventToAppend<E> & {
  readonly streamId: string;
  readonly version: number;
};

export interface EventMetadata {
  readonly workflowId?: string;
  readonly runId?: string;
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
  /** Set when an event was entered after the fact from paper records (see backfill in the README). */
  readonly backfilled?: boolean;
}
