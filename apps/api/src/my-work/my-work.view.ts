import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WORK_KINDS, WorkKind } from '@inspectorate/domain';

export class WorkItemView {
  @ApiProperty({
    enum: WORK_KINDS,
    description:
      'lead_inspector: draft_conclusion, resolve_dispute, decide_extension, verify_action, reschedule_missed_window, start_visit; ' +
      'inspector (and lead): open_visit; unit_head: respond, report_action; chairman: approve_conclusion, decide_case.',
  })
  kind!: WorkKind;
  @ApiProperty({ format: 'uuid' }) inspectionId!: string;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() campaignTitle!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'resolve_dispute, verify_action, report_action.' }) findingId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'verify_action, report_action.' }) actionId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'decide_case.' }) caseId?: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it is due; null when no deadline applies (a visit in progress, an approval, a case).' })
  dueAt!: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Working days from today to dueAt in Asia/Ho_Chi_Minh, with the public holidays of the calendar: 0 on the due day, negative once overdue.',
  })
  workingDaysLeft!: number | null;
  @ApiProperty() overdue!: boolean;
}

export class WorkPage {
  @ApiProperty({ type: [WorkItemView], description: 'Most urgent first: overdue, then the earliest due, then items without a due date.' }) items!: WorkItemView[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the whole list comes at once.' }) nextCursor!: null;
}
