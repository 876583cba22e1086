import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { Role, ROLES } from '@inspectorate/domain';
import { Language, LANGUAGES, UNIT_KINDS, UnitKind } from '@inspectorate/directory';
import { TEXT, Trim } from '../common/dto-helpers';
import { PageQuery } from '../common/pagination';

export class CreateUnitDto {
  @ApiProperty({ example: 'XA-BINH-KHANH', description: 'Stable code: capital letters, digits and dashes.' })
  @Trim() @IsString() @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { message: 'must be 2–64 capital letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: 'Xã Bình Khánh' })
  @Trim() @IsString() @Length(1, TEXT.short)
  name!: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;
}

export class UnitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
}

export class CreateUserDto {
  @ApiProperty({ example: 'th.xa-binh-khanh' })
  @Trim() @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/i, { message: 'must be 3–64 letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ example: 'Nguyễn Văn A' })
  @Trim() @IsString() @Length(1, TEXT.short)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ description: 'Required for unit_head, forbidden otherwise.' })
  @ValidateIf((o: CreateUserDto) => o.role === 'unit_head' || o.unitId !== undefined)
  @IsUUID('all', { message: 'must be the id of a unit (required for unit_head)' })
  unitId?: string;

  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString() @Length(12, 128, { message: 'must be 12 to 128 characters' })
  password!: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiPropertyOptional({ format: 'uuid', description: 'The unit a unit head answers for; absent for every other role.' }) unitId?: string;
  @ApiProperty({ enum: LANGUAGES, description: 'The language the user chose for the console, notifications and messages (default vi).' }) language!: Language;
  @ApiProperty({ description: 'A deactivated account cannot log in; its sessions were revoked.' }) active!: boolean;
  @ApiProperty({ description: 'An admin reset the password: the user must choose a new one (POST /me/password).' }) mustChangePassword!: boolean;
}

export class UnitPage {
  @ApiProperty({ type: [UnitView] }) items!: UnitView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class UserPage {
  @ApiProperty({ type: [UserView] }) items!: UserView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ListUsersQuery extends PageQuery {
  @IsOptional() @IsIn(ROLES) @ApiPropertyOptional({ enum: ROLES })
  role?: Role;

  @ApiPropertyOptional({ description: 'Words in the username or display name, ignoring accents and case (`can thanh` finds `Cần Thạnh`; `d` matches `đ`).', maxLength: 100 })
  @IsOptional() @Trim() @IsString() @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only active (true) or deactivated (false) accounts.' })
  @IsOptional() @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Nguyễn Văn A' })
  @IsOptional() @Trim() @IsString() @Length(1, TEXT.short)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'Moving away from unit_head unbinds the unit; moving to unit_head needs a unitId.' })
  @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'The unit of a unit head (only for unit_head).' })
  @IsOptional() @IsUUID('all', { message: 'must be the id of a unit' })
  unitId?: string;
}

export class PasswordResetDto {
  @ApiProperty({ minLength: 12, maxLength: 128, description: 'Given to the user out of band; they must choose their own at the next login (mustChangePassword).' })
  @IsString() @Length(12, 128, { message: 'must be 12 to 128 characters' })
  temporaryPassword!: string;
}
