import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Evidence, FindingState, ResponseItem, Severity, SEVERITIES } from '@inspectorate/domain';
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

export function evidenceView(evidence: Evidence): EvidenceView {
  return 'attachmentId' in evidence ? { attachmentId: evidence.attachmentId } : { text: evidence.text };
}

/** A finding as recorded, with the unit's answer to it once the response is in. */
export function toFindingView(f: FindingState, response: ResponseItem | undefined): FindingView {
  return {
    id: f.id,
    criterionCode: f.criterionCode,
    severity: f.severity,
    description: f.description,
    evidence: f.evidence.map(evidenceView),
    people: [...f.people],
    authorId: f.authorId,
    status: f.status,
    recordedAt: f.recordedAt,
    amendedAt: f.amendedAt,
    withdrawal: f.withdrawal && { reason: f.withdrawal.reason, by: f.withdrawal.by, at: f.withdrawal.at },
    response: response && { position: response.position, explanation: response.explanation },
    dispute: f.dispute && { status: f.dispute.status, explanation: f.dispute.explanation, note: f.dispute.note, resolvedAt: f.dispute.resolvedAt },
  };
}
