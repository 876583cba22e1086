import { CALENDAR_ENTRY_KINDS, CalendarEntryKind, LIMITS } from '@inspectorate/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Trim } from '../common/dto-helpers';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = 'must be a real calendar day (YYYY-MM-DD)';
const SOURCE_MAX = 500;

export class CalendarYearQuery {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year!: number;
}

export class CalendarEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date', example: '2026-02-17', description: 'The day, in Asia/Ho_Chi_Minh.' }) date!: string;
  @ApiProperty({ enum: CALENDAR_ENTRY_KINDS, description: '`holiday`: a weekday offices are closed; `make_up_working_day`: a Saturday or Sunday worked instead.' })
  kind!: CalendarEntryKind;
  @ApiProperty({ example: 'Tết Nguyên đán (mùng 1)' }) nameVi!: string;
  @ApiProperty({ example: 'Lunar New Year (Tết), 1st day of the 1st lunar month' }) nameEn!: string;
  @ApiProperty({ example: 'Bộ Nội vụ 9441/TB-BNV (16/10/2025)', description: 'The decision or rule that declared the day.' }) source!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CalendarYearView {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ description: 'Whether the year has a calendar (at least one entry). A deadline counted into a year without one is refused.' })
  covered!: boolean;
  @ApiProperty({ type: [CalendarEntryView], description: 'By date.' }) entries!: CalendarEntryView[];
}

export class CalendarYearSummary {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: 14 }) holidays!: number;
  @ApiProperty({ example: 2 }) makeUpWorkingDays!: number;
}

export class CalendarYearsView {
  @ApiProperty({ type: [CalendarYearSummary], description: 'The years that have a calendar, in order.' }) items!: CalendarYearSummary[];
}

export class CreateCalendarEntryDto {
  @ApiProperty({ format: 'date', example: '2027-02-05' })
  @IsString() @Matches(DAY, { message: DAY_MESSAGE })
  date!: string;

  @ApiProperty({ enum: CALENDAR_ENTRY_KINDS })
  @IsIn(CALENDAR_ENTRY_KINDS)
  kind!: CalendarEntryKind;

  @ApiProperty({ minLength: 1, maxLength: LIMITS.text.short })
  @Trim() @IsString() @Length(1, LIMITS.text.short)
  nameVi!: string;

  @ApiProperty({ minLength: 1, maxLength: LIMITS.text.short })
  @Trim() @IsString() @Length(1, LIMITS.text.short)
  nameEn!: string;

  @ApiProperty({ minLength: 1, maxLength: SOURCE_MAX, description: 'Where the day comes from, e.g. the decision that declared it.' })
  @Trim() @IsString() @Length(1, SOURCE_MAX)
  source!: string;
}

/** Any of an entry's fields; those left out stay as they are. */
export class UpdateCalendarEntryDto {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @IsString() @Matches(DAY, { message: DAY_MESSAGE })
  date?: string;

  @ApiPropertyOptional({ enum: CALENDAR_ENTRY_KINDS })
  @IsOptional() @IsIn(CALENDAR_ENTRY_KINDS)
  kind?: CalendarEntryKind;

  @ApiPropertyOptional({ minLength: 1, maxLength: LIMITS.text.short })
  @IsOptional() @Trim() @IsString() @Length(1, LIMITS.text.short)
  nameVi?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: LIMITS.text.short })
  @IsOptional() @Trim() @IsString() @Length(1, LIMITS.text.short)
  nameEn?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: SOURCE_MAX })
  @IsOptional() @Trim() @IsString() @Length(1, SOURCE_MAX)
  source?: string;
}

export class ApplyCorrectionDto {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.text.long, example: 'Thông báo 123/TB-BNV: nghỉ bù thêm ngày 23/11', description: 'Recorded in each DeadlineRecomputed event.' })
  @Trim() @IsString() @Length(1, LIMITS.text.long)
  reason!: string;
}

export class DeadlineCorrectionView {
  @ApiProperty({ format: 'uuid' }) inspectionId!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['conclusion', 'response'] }) deadline!: 'conclusion' | 'response';
  @ApiProperty({ format: 'date-time' }) previousDueAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

export class CorrectionPreviewView {
  @ApiProperty({ description: 'Running inspections whose deadlines the current calendar would move.' }) affectedInspections!: number;
  @ApiProperty({ type: [DeadlineCorrectionView] }) items!: DeadlineCorrectionView[];
  @ApiProperty({ type: [Number], description: 'Years a running deadline would be counted into that have no calendar: those deadlines stay as they are until the year is entered.' })
  missingYears!: number[];
}

export class CorrectionResultView {
  @ApiProperty({ description: 'Inspections that recorded DeadlineRecomputed.' }) appliedInspections!: number;
  @ApiProperty({ type: [DeadlineCorrectionView], description: 'The deadlines that moved.' }) items!: DeadlineCorrectionView[];
  @ApiProperty({ description: 'Inspections that changed meanwhile (their deadline no longer differs, or they moved on) and were left as they are.' })
  skippedInspections!: number;
}
