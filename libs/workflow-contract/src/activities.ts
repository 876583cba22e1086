import type { DomainEvent, EventToAppend } from '@inspectorate/domain';

/** One stream's share of an append: typed events, which the worker hands to the store as they are. */
export interface StreamAppendRequest {
  readonly streamId: string;
  readonly streamType: 'inspection' | 'campaign';
  readonly expectedVersion: number;
  readonly events: readonly EventToAppend<DomainEvent>[];
}

export interface AppendOutcome {
  readonly alreadyAppended: boolean;
  readonly lastPosition: number;
}

/** Types only: the implementations live in the worker (apps/worker), which has the database. */
export interface Activities {
  /** Appends to the event log and updates the read model in one transaction; idempotent on retry. */
  appendEvents(appends: readonly StreamAppendRequest[]): Promise<AppendOutcome>;
}

/** Failure type of an append that found its stream moved on: never retried, it needs a person. */
export const STREAM_CONFLICT = 'StreamConflict';

/** Failure type of events the database refuses as data (never retried: it would refuse them again). */
export const EVENTS_NOT_STORABLE = 'EventsNotStorable';
