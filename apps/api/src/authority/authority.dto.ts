import { LIMITS } from '@inspectorate/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { Trim } from '../common/dto-helpers';

export class AuthorityView {
  @ApiProperty({ example: 'ỦY BAN NHÂN DÂN QUẬN 1', description: 'The authority, at the head of documents and after "TM." in the signature block.' })
  name!: string;

  @ApiProperty({ example: 'ĐOÀN KIỂM TRA CÔNG VỤ', description: 'The inspecting body, under the authority’s name.' })
  inspectionBodyName!: string;

  @ApiProperty({ example: 'Quận 1', description: 'The place of the date line ("Quận 1, ngày 08 tháng 9 năm 2023"); empty: the date alone.' })
  place!: string;

  @ApiProperty({ example: 'Nguyễn Văn A', description: 'The chairman’s name under the signature; empty: none printed.' })
  chairmanName!: string;

  @ApiProperty({ example: 'CHỦ TỊCH', description: 'The signer’s title in the signature block.' })
  chairmanTitle!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** Any of the authority's fields; those left out stay as they are. */
export class UpdateAuthorityDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: LIMITS.text.short })
  @IsOptional() @Trim() @IsString() @Length(1, LIMITS.text.short)
  name?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: LIMITS.text.short })
  @IsOptional() @Trim() @IsString() @Length(1, LIMITS.text.short)
  inspectionBodyName?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Empty for none.' })
  @IsOptional() @Trim() @IsString() @Length(0, 100)
  place?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.text.short, description: 'Empty for none.' })
  @IsOptional() @Trim() @IsString() @Length(0, LIMITS.text.short)
  chairmanName?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional() @Trim() @IsString() @Length(1, 100)
  chairmanTitle?: string;
}
