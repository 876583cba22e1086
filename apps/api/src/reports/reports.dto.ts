import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { isValidLocalDate } from '@inspectorate/domain';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A calendar date that exists, written YYYY-MM-DD (no 2023-02-30). */
const IsLocalDate = () =>
  ValidateBy({
    name: 'isLocalDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidLocalDate(value),
      defaultMessage: () => 'must be a calendar date written YYYY-MM-DD',
    },
  });

export class ReportFormatQuery {
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'json',
    description: 'json, or the same data as a file: csv (UTF-8 with BOM) or xlsx.',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class AsOfQuery extends ReportFormatQuery {
  @ApiPropertyOptional({
    example: '2023-09-08',
    description:
      'Compute the report from the events that had occurred by the end of this day in Asia/Ho_Chi_Minh (today: by now). Not after today.',
  })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

export class YearAsOfQuery extends AsOfQuery {
  @ApiPropertyOptional({ example: 2023, description: 'The year of the campaigns; by default the year of asOf, or the current year.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class DashboardQuery extends YearAsOfQuery {}

export class UnitReportQuery extends YearAsOfQuery {}

export class CampaignReportQuery extends AsOfQuery {}

export class OverdueQuery extends AsOfQuery {
  @ApiPropertyOptional({ example: 2023, description: 'Only this year’s inspections; every year by default.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
