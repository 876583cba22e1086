import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Language, LANGUAGES } from '@inspectorate/directory';
import { TEXT, Trim } from '../common/dto-helpers';
import { UserView } from '../directory/directory.dto';

export class LoginDto {
  @ApiProperty({ example: 'chutich' })
  @IsString() @Length(1, 64)
  username!: string;

  @ApiProperty()
  @IsString() @Length(1, 128)
  password!: string;
}

export class LoginResult {
  @ApiProperty({ description: 'A JWT to send as `Authorization: Bearer <token>`.' }) accessToken!: string;
  @ApiProperty({ format: 'date-time', description: 'When the token stops working (ISO 8601).' }) expiresAt!: string;
  @ApiProperty({ type: UserView }) user!: UserView;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'The language of the console, of notifications and of the API’s messages to this user.' })
  @IsOptional() @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ example: 'Nguyễn Văn A' })
  @IsOptional() @Trim() @IsString() @Length(1, TEXT.short)
  displayName?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString() @Length(1, 128)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString() @Length(12, 128, { message: 'must be 12 to 128 characters' })
  newPassword!: string;
}
