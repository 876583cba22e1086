import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { LIMITS, Severity, SEVERITIES } from '@inspectorate/domain';
import { Trim } from '../common/dto-helpers';
import { PageQuery } from '../common/pagination';

export class SearchFindingsQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'can thanh',
    description: 'Words the finding’s description, people or criterion code contain, each of them, ignoring case and Vietnamese marks ("can thanh" finds "Cần Thạnh", d finds đ).',
  })
  @IsOptional() @Trim() @IsString() @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ example: 'KL-01' })
  @IsOptional() @Trim() @IsString() @Length(1, LIMITS.checklist.code) @Matches(/^\P{Cc}+$/u, { message: 'must not contain control characters' })
  criterionCode?: string;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional() @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('all')
  unitId?: string;

  @ApiPropertyOptional({ type: 'integer', example: 2023 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;
}

export class FindingSearchItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) inspectionId!: string;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty() criterionCode!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty({ enum: ['open', 'withdrawn'] }) status!: string;
  @ApiProperty({ description: 'Live and not yet remedied, while its inspection is neither closed nor cancelled.' }) open!: boolean;
  @ApiPropertyOptional({ enum: ['pending', 'upheld', 'withdrawn'], description: 'The unit disputed it; how the dispute stands.' }) dispute?: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) people!: string[];
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class FindingSearchPage {
  @ApiProperty({ type: [FindingSearchItem] }) items!: FindingSearchItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
