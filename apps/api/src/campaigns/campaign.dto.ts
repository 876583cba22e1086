import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DeadlineSpec, INSPECTION_STATUSES, LIMITS, InspectionStatus, Policy } from '@inspectorate/domain';
import { IsDateOrDateTime, Trim } from '../common/dto-helpers';
import { PageQuery } from '../common/pagination';

export class TargetDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  unitId!: string;

  @ApiProperty({ example: '2023-08-01', description: 'First day of the secret visit window (or an exact date-time with offset).' })
  @IsString() @IsDateOrDateTime()
  windowStart!: string;

  @ApiProperty({ example: '2023-08-15', description: 'Last day of the secret visit window (or an exact date-time with offset).' })
  @IsString() @IsDateOrDateTime()
  windowEnd!: string;
}

export class CreateCampaignDto {
  @ApiProperty({ example: 'Kiểm tra công vụ đột xuất năm 2023' })
  @Trim() @IsString() @Length(1, LIMITS.campaign.title)
  title!: string;

  @ApiProperty({ example: 2023 })
  @IsInt() @Min(2000) @Max(2100)
  year!: number;

  @ApiProperty({ example: 'Kế hoạch số 123/KH-UBND ngày 15/01/2023 (invented)' })
  @Trim() @IsString() @Length(1, LIMITS.campaign.legalBasis)
  legalBasis!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  leadInspectorId!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray() @ArrayMaxSize(LIMITS.campaign.inspectors) @ArrayUnique() @IsUUID('all', { each: true })
  inspectorIds!: string[];

  @ApiProperty({ type: [TargetDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(LIMITS.campaign.targets) @ValidateNested({ each: true }) @Type(() => TargetDto)
  targets!: TargetDto[];

  @ApiPropertyOptional({
    description: 'Deadlines, each { workingDays: n } or { duration: "PT5S" }: conclusionDeadline, responseDeadline, reminderOffsets[], remediationMaxDeadline, verificationDeadline.',
    example: { responseDeadline: { workingDays: 10 }, reminderOffsets: [{ workingDays: 3 }, { workingDays: 1 }] },
  })
  @IsOptional() @IsObject()
  policy?: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'demo-2023.1', description: 'The published checklist version the findings will cite (GET /checklist-templates); default: the newest.' })
  @IsOptional() @IsString() @Matches(/^[a-z0-9][a-z0-9-]{1,62}\.[1-9]\d{0,8}$/, { message: 'must be a published checklist version' })
  checklistVersion?: string;
}

export class ListCampaignsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: ['active', 'completed', 'cancelled'] })
  @IsOptional() @IsIn(['active', 'completed', 'cancelled'])
  status?: 'active' | 'completed' | 'cancelled';
}

export class CampaignProgressView {
  @ApiProperty({ type: 'integer', description: 'Inspections whose visit has not started.' }) planned!: number;
  @ApiProperty({ type: 'integer', description: 'Started and neither closed nor cancelled.' }) inProgress!: number;
  @ApiProperty({ type: 'integer' }) closed!: number;
  @ApiProperty({ type: 'integer' }) cancelled!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
}

export class CampaignTargetView {
  @ApiProperty({ format: 'uuid' }) inspectionId!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ enum: INSPECTION_STATUSES }) status!: InspectionStatus;
  @ApiPropertyOptional({ example: '2023-08-01', description: 'The secret visit window as given (a day or a date-time with offset). Never shown to a unit head.' }) windowStart?: string;
  @ApiPropertyOptional({ example: '2023-08-15', description: 'Shown with windowStart.' }) windowEnd?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'For a follow-up inspection: the inspection it follows up.' }) followUpOf?: string;
  @ApiPropertyOptional({ enum: [true], description: 'Set when this target was removed from the campaign before its visit (its inspection is cancelled).' }) removed?: true;
}

export class CampaignCancellationView {
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** A deadline of the policy: exactly one of the two fields. */
export class DeadlineSpecView {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 365, example: 10, description: 'Working days (Vietnamese civil-service calendar).' }) readonly workingDays?: number;
  @ApiPropertyOptional({ example: 'PT5S', description: 'An exact ISO 8601 duration.' }) readonly duration?: string;
}

/** The deadlines the campaign runs by, with the defaults filled in. */
export class PolicyView {
  @ApiProperty({ type: DeadlineSpecView, description: 'From the end of the visit to the submitted conclusion.' }) readonly conclusionDeadline!: DeadlineSpecView;
  @ApiProperty({ type: DeadlineSpecView, description: 'From the unit’s notification to its response.' }) readonly responseDeadline!: DeadlineSpecView;
  @ApiProperty({ type: [DeadlineSpecView], description: 'How long before a deadline its reminders go out.' }) readonly reminderOffsets!: readonly DeadlineSpecView[];
  @ApiProperty({ type: DeadlineSpecView, description: 'The latest due date a required corrective action may have.' }) readonly remediationMaxDeadline!: DeadlineSpecView;
  @ApiProperty({ type: DeadlineSpecView, description: 'From a reported corrective action to its verification.' }) readonly verificationDeadline!: DeadlineSpecView;
}

function deadlineSpecView(spec: DeadlineSpec): DeadlineSpecView {
  return 'workingDays' in spec ? { workingDays: spec.workingDays } : { duration: spec.duration };
}

export function toPolicyView(policy: Policy): PolicyView {
  return {
    conclusionDeadline: deadlineSpecView(policy.conclusionDeadline),
    responseDeadline: deadlineSpecView(policy.responseDeadline),
    reminderOffsets: policy.reminderOffsets.map(deadlineSpecView),
    remediationMaxDeadline: deadlineSpecView(policy.remediationMaxDeadline),
    verificationDeadline: deadlineSpecView(policy.verificationDeadline),
  };
}

export class CampaignView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty() legalBasis!: string;
  @ApiProperty({
    enum: ['active', 'completed', 'cancelled'],
    description: '`completed` once every inspection is closed or cancelled; outside the team and the chairman, every inspection in `targets`. `cancelled` once the campaign was cancelled (with every open inspection).',
  })
  status!: string;
  @ApiProperty({ format: 'uuid' }) leadInspectorId!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) inspectorIds!: string[];
  @ApiProperty({ example: 'demo-2023.1', description: 'The checklist version its findings cite, fixed when it was created.' }) checklistVersion!: string;
  @ApiProperty({
    type: [CampaignTargetView],
    description: 'One per inspection, oldest first. Outside the team and the chairman, inspections whose visit has not started are left out (they are secret).',
  })
  targets!: CampaignTargetView[];
  @ApiProperty({ type: CampaignProgressView, description: 'Counts over the same inspections as targets.' }) progress!: CampaignProgressView;
  @ApiProperty({ type: PolicyView }) policy!: PolicyView;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Once `status` is completed: when the last of those inspections was closed or cancelled.' }) completedAt?: string;
  @ApiPropertyOptional({ type: CampaignCancellationView, description: 'Once `status` is cancelled: why and when.' }) cancellation?: CampaignCancellationView;
}

export class CampaignPage {
  @ApiProperty({ type: [CampaignView] }) items!: CampaignView[];
  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last.' }) nextCursor!: string | null;
}
