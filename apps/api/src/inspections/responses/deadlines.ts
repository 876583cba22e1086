import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
