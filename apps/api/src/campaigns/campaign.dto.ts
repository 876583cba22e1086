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
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CAMPAIGN_LIMITS } from '@inspectorate/domain';
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
  @Trim() @IsString() @Length(1, CAMPAIGN_LIMITS.title)
  title!: string;

  @ApiProperty({ example: 2023 })
  @IsInt() @Min(2000) @Max(2100)
  year!: number;

  @ApiProperty({ example: 'Kế hoạch số 123/KH-UBND ngày 15/01/2023 (invented)' })
  @Trim() @IsString() @Length(1, CAMPAIGN_LIMITS.legalBasis)
  legalBasis!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  leadInspectorId!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray() @ArrayMaxSize(CAMPAIGN_LIMITS.inspectors) @ArrayUnique() @IsUUID('all', { each: true })
  inspectorIds!: string[];

  @ApiProperty({ type: [TargetDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(CAMPAIGN_LIMITS.targets) @ValidateNested({ each: true }) @Type(() => TargetDto)
  targets!: TargetDto[];

  @ApiPropertyOptional({
    description: 'Deadlines, each { workingDays: n } or { duration: "PT5S" }: conclusionDeadline, responseDeadline, reminderOffsets[], remediationMaxDeadline, verificationDeadline.',
    example: { responseDeadline: { workingDays: 10 }, reminderOffsets: [{ workingDays: 3 }, { workingDays: 1 }] },
  })
  @IsOptional() @IsObject()
  policy?: Record<string, unknown>;
}

export class ListCampaignsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: ['active', 'completed'] })
  @IsOptional() @IsIn(['active', 'completed'])
  status?: 'active' | 'completed';
}

export class CampaignProgressView {
  @ApiProperty() planned!: number;
  @ApiProperty() inProgress!: number;
  @ApiProperty() closed!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty() total!: number;
}

export class CampaignTargetView {
  @ApiProperty() inspectionId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() status!: string;
  @ApiPropertyOptional({ description: 'Shown to the team and the chairman only.' }) windowStart?: string;
  @ApiPropertyOptional() windowEnd?: string;
  @ApiPropertyOptional() followUpOf?: string;
}

export class CampaignView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() year!: number;
  @ApiProperty() legalBasis!: string;
  @ApiProperty({ enum: ['active', 'completed'] }) status!: string;
  @ApiProperty() leadInspectorId!: string;
  @ApiProperty({ type: [String] }) inspectorIds!: string[];
  @ApiProperty() checklistVersion!: string;
  @ApiProperty({ type: [CampaignTargetView] }) targets!: CampaignTargetView[];
  @ApiProperty({ type: CampaignProgressView }) progress!: CampaignProgressView;
  @ApiProperty({ type: 'object', additionalProperties: true }) policy!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional() completedAt?: string;
}

export class CampaignPage {
  @ApiProperty({ type: [CampaignView] }) items!: CampaignView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
