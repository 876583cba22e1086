import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { Role, ROLES } from '@inspectorate/domain';
import { TEXT, Trim } from '../common/dto-helpers';
import { PageQuery } from '../common/pagination';

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
}

export class UserPage {
  @ApiProperty({ type: [UserView] }) items!: UserView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ListUsersQuery extends PageQuery {
  @IsOptional() @IsIn(ROLES) @ApiPropertyOptional({ enum: ROLES })
  role?: Role;
}
