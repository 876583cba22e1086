import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { LIMITS } from '@inspectorate/domain';
import { Trim } from '../common/dto-helpers';

/** PATCH /campaigns/:id: the fields given are changed, the others kept. */
export class ChangeCampaignDetailsDto {
  @ApiPropertyOptional({ example: 'Kiểm tra công vụ đột xuất năm 2023 (điều chỉnh)', maxLength: LIMITS.campaign.title })
  @IsOptional() @Trim() @IsString() @Length(1, LIMITS.campaign.title)
  title?: string;

  @ApiPropertyOptional({ example: 'Kế hoạch số 124/KH-UBND ngày 20/03/2023 (invented)', maxLength: LIMITS.campaign.legalBasis })
  @IsOptional() @Trim() @IsString() @Length(1, LIMITS.campaign.legalBasis)
  legalBasis?: string;
}

/** The whole new team: inspectors added or left out, and the lead (who must not be among the inspectors). */
export class ChangeCampaignTeamDto {
  @ApiProperty({ format: 'uuid', description: 'The lead inspector from now on (an active lead_inspector).' })
  @IsUUID('all')
  leadInspectorId!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Every inspector of the team from now on (active inspectors).' })
  @IsArray() @ArrayMaxSize(LIMITS.campaign.inspectors) @ArrayUnique() @IsUUID('all', { each: true })
  inspectorIds!: string[];
}

export class CampaignReasonDto {
  @ApiProperty({ maxLength: LIMITS.text.long, example: 'Đơn vị đã được thanh tra chuyên ngành trong năm.' })
  @Trim() @IsString() @Length(1, LIMITS.text.long)
  reason!: string;
}
