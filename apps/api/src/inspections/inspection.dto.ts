import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ACCOUNTABILITY_OUTCOMES, AccountabilityOutcome, INSPECTION_STATUSES, InspectionStatus, LIMITS, Rating, RATINGS, Severity, SEVERITIES } from '@inspectorate/domain';
import { IsDateOrDateTime, Trim } from '../common/dto-helpers';
import { PageQuery } from '../common/pagination';

const DateOrDateTime = IsDateOrDateTime;

export class ListInspectionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') campaignId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') unitId?: string;
  @ApiPropertyOptional({ enum: INSPECTION_STATUSES }) @IsOptional() @IsIn(INSPECTION_STATUSES) status?: InspectionStatus;
}

export class WindowDto {
  @ApiProperty({ example: '2023-08-01' }) @IsString() @DateOrDateTime() windowStart!: string;
  @ApiProperty({ example: '2023-08-15' }) @IsString() @DateOrDateTime() windowEnd!: string;
}

export class EmptyDto {}

/** One item of evidence: an uploaded attachment or a written note; exactly one of the two. */
export class EvidenceDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((o: EvidenceDto) => o.text === undefined)
  @IsUUID('all', { message: 'must be the id of an uploaded attachment (or give text instead)' })
  attachmentId?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.text.long })
  @ValidateIf((o: EvidenceDto) => o.attachmentId === undefined)
  @Trim() @IsString() @Length(1, LIMITS.text.long)
  text?: string;
}

export class RecordFindingDto {
  @ApiProperty({ example: 'KL-01', maxLength: LIMITS.checklist.code, description: 'A criterion of the campaign’s checklist version.' }) @Trim() @IsString() @Length(1, LIMITS.checklist.code) criterionCode!: string;
  @ApiProperty({ enum: SEVERITIES }) @IsIn(SEVERITIES) severity!: Severity;
  @ApiProperty({ maxLength: LIMITS.text.long }) @Trim() @IsString() @Length(1, LIMITS.text.long) description!: string;
  @ApiPropertyOptional({ type: [EvidenceDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(LIMITS.finding.evidence) @ValidateNested({ each: true }) @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];
  @ApiPropertyOptional({ type: [String], description: 'People involved (names or staff ids).' })
  @IsOptional() @IsArray() @ArrayMaxSize(LIMITS.finding.people) @IsString({ each: true }) @Length(1, LIMITS.text.short, { each: true })
  people?: string[];
}

export class AmendFindingDto {
  @ApiPropertyOptional({ maxLength: LIMITS.checklist.code }) @IsOptional() @Trim() @IsString() @Length(1, LIMITS.checklist.code) criterionCode?: string;
  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @Length(1, LIMITS.text.long) description?: string;
  @ApiPropertyOptional({ type: [EvidenceDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(LIMITS.finding.evidence) @ValidateNested({ each: true }) @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(LIMITS.finding.people) @IsString({ each: true }) @Length(1, LIMITS.text.short, { each: true })
  people?: string[];
}

export class ReasonDto {
  @ApiProperty({ maxLength: LIMITS.text.long }) @Trim() @IsString() @Length(1, LIMITS.text.long) reason!: string;
}

export class RequiredActionDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') findingId!: string;
  @ApiProperty() @Trim() @IsString() @Length(1, LIMITS.text.long) requirement!: string;
  @ApiProperty({ example: '2023-10-31' }) @IsString() @DateOrDateTime() dueDate!: string;
}

export class SubmitConclusionDto {
  @ApiProperty() @Trim() @IsString() @Length(1, LIMITS.text.long) summary!: string;
  @ApiProperty({ enum: RATINGS }) @IsIn(RATINGS) rating!: Rating;
  @ApiProperty({ type: [RequiredActionDto] })
  @IsArray() @ArrayMaxSize(LIMITS.conclusion.actions) @ValidateNested({ each: true }) @Type(() => RequiredActionDto)
  actions!: RequiredActionDto[];
}

export class ApproveConclusionDto {
  @ApiPropertyOptional({ description: 'The contentHash the chairman read; if the draft changed since, 409.' })
  @IsOptional() @IsString() @Matches(/^[0-9a-f]{64}$/, { message: 'must be a content hash from the conclusion' })
  contentHash?: string;
}

export class CommentDto {
  @ApiProperty() @Trim() @IsString() @Length(1, LIMITS.text.long) comment!: string;
}

export class DissentDto {
  @ApiProperty() @Trim() @IsString() @Length(1, LIMITS.text.long) text!: string;
}

export class PlanDto {
  @ApiProperty({ description: 'Who carries the action out.' }) @Trim() @IsString() @Length(1, LIMITS.text.short) owner!: string;
  @ApiProperty({ example: '2023-10-15' }) @IsString() @DateOrDateTime() dueDate!: string;
}

export class ResponseItemDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') findingId!: string;
  @ApiProperty({ enum: ['accepted', 'disputed'] }) @IsIn(['accepted', 'disputed']) position!: 'accepted' | 'disputed';
  @ApiProperty({ description: 'Required when disputing (giải trình).' })
  @Trim() @IsString() @MaxLength(LIMITS.text.long)
  explanation!: string;
  @ApiPropertyOptional({ type: PlanDto }) @IsOptional() @ValidateNested() @Type(() => PlanDto) plan?: PlanDto;
}

export class SubmitResponseDto {
  @ApiProperty({ type: [ResponseItemDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(LIMITS.response.items) @ValidateNested({ each: true }) @Type(() => ResponseItemDto)
  items!: ResponseItemDto[];
}

export class ExtensionRequestDto {
  @ApiProperty() @Trim() @IsString() @Length(1, LIMITS.text.long) reason!: string;
  @ApiProperty({ example: '2023-10-20' }) @IsString() @DateOrDateTime() requestedDeadline!: string;
}

export class ExtensionDecisionDto {
  @ApiProperty({ enum: ['granted', 'refused'] }) @IsIn(['granted', 'refused']) decision!: 'granted' | 'refused';
  @ApiPropertyOptional({ description: 'The new deadline when granted; defaults to the one requested.' })
  @IsOptional() @IsString() @DateOrDateTime() deadline?: string;
  @ApiProperty() @Trim() @IsString() @MaxLength(LIMITS.text.long) note!: string;
}

export class ResolveDisputeDto {
  @ApiProperty({ enum: ['upheld', 'withdrawn'] }) @IsIn(['upheld', 'withdrawn']) decision!: 'upheld' | 'withdrawn';
  @ApiProperty() @Trim() @IsString() @MaxLength(LIMITS.text.long) note!: string;
}

export class ReportActionDto {
  @ApiProperty() @Trim() @IsString() @Length(1, LIMITS.text.long) note!: string;
  @ApiPropertyOptional({ type: [EvidenceDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(LIMITS.action.evidence) @ValidateNested({ each: true }) @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];
}

export class VerifyActionDto {
  @ApiProperty({ enum: ['verified', 'rejected'] }) @IsIn(['verified', 'rejected']) decision!: 'verified' | 'rejected';
  @ApiProperty() @Trim() @IsString() @MaxLength(LIMITS.text.long) note!: string;
  @ApiPropertyOptional({ description: 'Required when rejecting.' })
  @ValidateIf((o: VerifyActionDto) => o.decision === 'rejected' || o.newDueDate !== undefined)
  @IsString() @DateOrDateTime()
  newDueDate?: string;
}

export class AccountabilityDecisionDto {
  @ApiProperty({ enum: ACCOUNTABILITY_OUTCOMES }) @IsIn(ACCOUNTABILITY_OUTCOMES) outcome!: AccountabilityOutcome;
  @ApiProperty() @Trim() @IsString() @Length(1, LIMITS.text.long) note!: string;
}
