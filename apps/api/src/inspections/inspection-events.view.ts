import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Actor, canSeeEvent, INSPECTION_EVENT_TYPES, InspectionSight, Role, ROLES, visibleEventData } from '@inspectorate/domain';
import { StoredEvent } from '@inspectorate/event-store';
import { INSTANT } from './responses/formats';

/*
 * GET /inspections/{id}/events: the response classes and the mapper that builds them field by
 * field (as in inspection.view.ts), so what is sent and what OpenAPI says is sent are one thing.
 */

export class ActorView {
  @ApiProperty({ enum: ['user', 'system'], description: 'system: a timer of the workflow (a reminder, an overdue deadline).' }) readonly kind!: 'user' | 'system';
  @ApiPropertyOptional({ format: 'uuid', description: 'For a user.' }) readonly userId?: string;
  @ApiPropertyOptional({ enum: ROLES, description: 'For a user.' }) readonly role?: Role;
  @ApiPropertyOptional({ format: 'uuid', description: 'For a unit head.' }) readonly unitId?: string;
}

export class InspectionEventView {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiPropertyOptional({ type: 'integer', description: 'Position in the whole log. Not shown to a unit head.' }) readonly position?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Version in the inspection’s stream. Not shown to a unit head.' }) readonly version?: number;
  @ApiProperty({ enum: INSPECTION_EVENT_TYPES }) readonly type!: string;
  @ApiProperty({ ...INSTANT, description: 'When it happened (for back-filled paper records, the date on paper).' }) readonly occurredAt!: string;
  @ApiProperty({ ...INSTANT, description: 'When it was written to the log.' }) readonly recordedAt!: string;
  @ApiProperty({ type: ActorView }) readonly actor!: ActorView;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event’s facts; their shape depends on type. A unit head reads VisitEnded as { endedAt } only.',
  })
  readonly data!: unknown;
}

export class InspectionEventPage {
  @ApiProperty({
    type: [InspectionEventView],
    description:
      'Oldest first, as far as the caller may see them: a unit head sees what happened at their unit from the visit on and what was approved (not the planning, the draft conclusion and its returns, the team’s reminders or follow-ups); outside the team and the chairman nobody sees FollowUpScheduled.',
  })
  readonly items!: readonly InspectionEventView[];
  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last.' }) readonly nextCursor!: string | null;
}

/** The events of one inspection as this caller may see them (the domain's `canSeeEvent`, `visibleEventData`). */
export function visibleEvents(events: readonly StoredEvent[], sight: InspectionSight): InspectionEventView[] {
  return events
    .filter((event) => canSeeEvent(sight, event))
    .map((event) => ({
      id: event.id,
      // Not shown to a unit head: positions and versions count the events hidden from them.
      position: sight.versions ? event.position : undefined,
      version: sight.versions ? event.version : undefined,
      type: event.type,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: actorView(event.actor),
      data: visibleEventData(sight, event),
    }));
}

function actorView(actor: Actor): ActorView {
  return actor.kind === 'system' ? { kind: 'system' } : { kind: 'user', userId: actor.userId, role: actor.role, unitId: actor.unitId };
}
