import { Actor } from './actor';
import { Instant } from './time';

/** What folding needs besides the event itself: when it happened and who did it. */
export interface Stamp {
  readonly occurredAt: Instant;
  readonly actor: Actor;
}

export type Stamped<E> = E & Stamp;

/** The way an event is kept in the log; the workflow stamps decided events into this shape. */
export interface RecordedEvent<E extends { type: string; data: unknown } = { type: string; data: unknown }> extends Stamp {
  readonly id: string;
  readonly streamId: string;
  readonly version: number;
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
}

export interface EventMetadata {
  readonly workflowId?: string;
  readonly runId?: string;
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
  /** Set when an event was entered after the fact from paper records (see backfill in the README). */
  readonly backfilled?: boolean;
}
