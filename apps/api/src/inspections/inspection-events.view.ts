import { Actor, canSeeEvent, InspectionSight, visibleEventData } from '@inspectorate/domain';
import { StoredEvent } from '@inspectorate/event-store';

export interface EventView {
  readonly id: string;
  /** Not shown to a unit head: positions and versions count the events hidden from them. */
  readonly position?: number;
  readonly version?: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly data: unknown;
}

/** The events of one inspection as this caller may see them (the domain's `canSeeEvent`, `visibleEventData`). */
export function visibleEvents(events: readonly StoredEvent[], sight: InspectionSight): EventView[] {
  return events
    .filter((event) => canSeeEvent(sight, event))
    .map((event) => ({
      id: event.id,
      ...(sight.versions ? { position: event.position, version: event.version } : {}),
      type: event.type,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      data: visibleEventData(sight, event),
    }));
}
