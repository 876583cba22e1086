import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InspectionSight, InspectionState } from '@inspectorate/domain';
import { INSTANT } from './formats';

export class DeadlineView {
  @ApiProperty(INSTANT) readonly dueAt!: string;
  @ApiProperty() readonly overdue!: boolean;
}

export class ActionDeadlineView {
  @ApiProperty({ format: 'uuid' }) readonly actionId!: string;
  @ApiProperty(INSTANT) readonly dueAt!: string;
  @ApiProperty() readonly overdue!: boolean;
}

export class DeadlinesView {
  @ApiPropertyOptional({ type: DeadlineView, description: 'The conclusion’s, once the visit ended. Not shown to a unit head.' }) readonly conclusion?: DeadlineView;
  @ApiPropertyOptional({ type: DeadlineView, description: 'The unit’s response’s, once the unit was notified.' }) readonly response?: DeadlineView;
  @ApiProperty({ type: [ActionDeadlineView], description: 'Every corrective action not yet verified.' }) readonly actions!: readonly ActionDeadlineView[];
}

/** The deadlines still running or missed; the conclusion's is the team's internal one (not for a unit head). */
export function toDeadlinesView(s: InspectionState, sight: InspectionSight): DeadlinesView {
  return {
    conclusion: s.conclusionDeadline && sight.conclusionDeadline ? { dueAt: s.conclusionDeadline.dueAt, overdue: s.conclusionOverdue } : undefined,
    response: s.responseDeadline && { dueAt: s.responseDeadline.dueAt, overdue: s.responseOverdue },
    actions: s.actions.filter((a) => a.status !== 'verified').map((a) => ({ actionId: a.id, dueAt: a.dueAt, overdue: a.overdue })),
  };
}
