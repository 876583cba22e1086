import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { LIMITS } from '@inspectorate/domain';
import { UNIT_KINDS, UnitKind } from '@inspectorate/directory';
import { Trim } from '../common/dto-helpers';
import { PageQuery } from '../common/pagination';

/** A unit's stable code: capital letters, digits and dashes (the import matches units by it). */
export const UNIT_CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;
export const UNIT_CODE_MESSAGE = 'must be 2–64 capital letters, digits or dashes';

export class CreateUnitDto {
  @ApiProperty({ example: 'XA-BINH-KHANH', description: 'Stable code: capital letters, digits and dashes.' })
  @Trim() @IsString() @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Xã Bình Khánh' })
  @Trim() @IsString() @Length(1, LIMITS.text.short)
  name!: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;
}

/** Any of a unit's fields; those left out stay as they are. */
export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'XA-BINH-KHANH', description: 'A new code (409 if another unit has it).' })
  @IsOptional() @Trim() @IsString() @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional({ example: 'Xã Bình Khánh' })
  @IsOptional() @Trim() @IsString() @Length(1, LIMITS.text.short)
  name?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional() @IsIn(UNIT_KINDS)
  kind?: UnitKind;
}

export class DeactivateUnitDto {
  @ApiPropertyOptional({ example: 'Sáp nhập vào Xã Bình Khánh', description: 'Why, for the record (kept in the logs).' })
  @IsOptional() @Trim() @IsString() @Length(1, LIMITS.text.medium)
  reason?: string;
}

export class UnitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ description: 'False once deactivated: no new inspection may name it; its history stays.' }) active!: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it was deactivated (absent while active).' }) deactivatedAt?: string;
}

export class UnitPage {
  @ApiProperty({ type: [UnitView] }) items!: UnitView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ListUnitsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only active (true) or only deactivated (false) units; all when absent.' })
  @IsOptional() @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}
