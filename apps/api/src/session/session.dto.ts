import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
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
