import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ACCOUNTABILITY_OUTCOMES } from '@inspectorate/domain';
import { PageQuery } from '../common/pagination';

export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'decided'] }) @IsOptional() @IsIn(['open', 'decided']) status?: 'open' | 'decided';
}

/** An accountability case as listed and decided here (the projection's row; absent values are null). */
export class AccountabilityCaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The inspection the case arose in.' }) inspectionId!: string;
  @ApiProperty({ format: 'uuid', description: 'The unit whose head the case is about.' }) unitId!: string;
  @ApiProperty({ type: 'integer', example: 2023, description: 'The year of the inspection’s campaign.' }) year!: number;
  @ApiProperty({ enum: ['response_overdue', 'action_rejected_twice'] }) reason!: string;
  @ApiProperty({ enum: ['open', 'decided'] }) status!: string;
  @ApiProperty({
    type: String,
    enum: [...ACCOUNTABILITY_OUTCOMES, null],
    nullable: true,
    description: 'The chairman’s decision; null while open.',
  })
  outcome!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The chairman’s note; null while open.' }) note!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'For action_rejected_twice: the corrective action; null otherwise.',
  })
  actionId!: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while open.' }) decidedAt!: string | null;
}

export class AccountabilityCasePage {
  @ApiProperty({ type: [AccountabilityCaseView], description: 'Oldest opened first.' }) items!: AccountabilityCaseView[];
  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last.' }) nextCursor!: string | null;
}
