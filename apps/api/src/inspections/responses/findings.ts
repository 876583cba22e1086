import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Severity, SEVERITIES } from '@inspectorate/domain';
import { INSTANT } from './formats';

/** One item of evidence: exactly one of the two fields. */
export class EvidenceView {
  @ApiPropertyOptional({ format: 'uuid', description: 'An uploaded attachment (GET /attachments/{id}).' }) readonly attachmentId?: string;
  @ApiPropertyOptional({ description: 'A written note.' }) readonly text?: string;
}

export class FindingWithdrawalView {
  @ApiProperty() readonly reason!: string;
  @ApiProperty({ format: 'uuid', description: 'Who withdrew it.' }) readonly by!: string;
  @ApiProperty(INSTANT) readonly at!: string;
}

export class FindingResponseView {
  @ApiProperty({ enum: ['accepted', 'disputed'] }) readonly position!: string;
  @ApiProperty() readonly explanation!: string;
}

export class FindingDisputeView {
  @ApiProperty({ enum: ['pending', 'upheld', 'withdrawn'], description: 'pending until the lead resolves it; withdrawn withdraws the finding.' })
  readonly status!: 'pending' | 'upheld' | 'withdrawn';
  @ApiProperty({ description: 'The unit’s explanation.' }) readonly explanation!: string;
  @ApiPropertyOptional({ description: 'The lead’s note, once resolved.' }) readonly note?: string;
  @ApiPropertyOptional(INSTANT) readonly resolvedAt?: string;
}

export class FindingView {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ example: 'KL-01', description: 'The checklist criterion.' }) readonly criterionCode!: string;
  @ApiProperty({ enum: SEVERITIES }) readonly severity!: Severity;
  @ApiProperty() readonly description!: string;
  @ApiProperty({ type: [EvidenceView] }) readonly evidence!: readonly EvidenceView[];
  @ApiProperty({ type: [String], description: 'People involved (names or staff ids).' }) readonly people!: readonly string[];
  @ApiProperty({ format: 'uuid', description: 'The inspector who recorded it.' }) readonly authorId!: string;
  @ApiProperty({ enum: ['open', 'withdrawn'] }) readonly status!: 'open' | 'withdrawn';
  @ApiProperty(INSTANT) readonly recordedAt!: string;
  @ApiPropertyOptional({ ...INSTANT, description: 'When last amended, if ever.' }) readonly amendedAt?: string;
  @ApiPropertyOptional({ type: FindingWithdrawalView, description: 'Once withdrawn.' }) readonly withdrawal?: FindingWithdrawalView;
  @ApiPropertyOptional({ type: FindingResponseView, description: 'The unit’s answer to this finding, once the response is submitted.' }) readonly response?: FindingResponseView;
  @ApiPropertyOptional({ type: FindingDisputeView, description: 'When the unit disputed the finding.' }) readonly dispute?: FindingDisputeView;
}
