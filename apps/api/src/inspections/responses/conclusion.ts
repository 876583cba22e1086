import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConclusionState, Dissent, InspectionState, pendingContentHash, Rating, RATINGS, RequiredAction } from '@inspectorate/domain';
import { DAY_OR_INSTANT, INSTANT } from './formats';

export class RequiredActionView {
  @ApiProperty({ format: 'uuid' }) readonly findingId!: string;
  @ApiProperty() readonly requirement!: string;
  @ApiProperty({ example: '2023-12-31', description: `The due date. ${DAY_OR_INSTANT}` }) readonly dueDate!: string;
  @ApiProperty({ ...INSTANT, description: 'The instant the due date resolves to.' }) readonly dueAt!: string;
}

export class DissentView {
  @ApiProperty({ format: 'uuid' }) readonly authorId!: string;
  @ApiProperty() readonly text!: string;
  @ApiProperty(INSTANT) readonly recordedAt!: string;
}

export class ConclusionReturnView {
  @ApiProperty({ description: 'The chairman’s comment.' }) readonly comment!: string;
  @ApiProperty(INSTANT) readonly at!: string;
}

export class ApprovalView {
  @ApiProperty({ description: 'SHA-256 (hex) of the approved snapshot: conclusion, findings and dissents.' }) readonly contentHash!: string;
  @ApiProperty(INSTANT) readonly approvedAt!: string;
}

export class ConclusionView {
  @ApiProperty() readonly summary!: string;
  @ApiProperty({ enum: RATINGS }) readonly rating!: Rating;
  @ApiProperty({ type: [RequiredActionView] }) readonly actions!: readonly RequiredActionView[];
  @ApiProperty({ type: [DissentView], description: 'Dissents of the team’s inspectors.' }) readonly dissents!: readonly DissentView[];
  @ApiProperty({
    enum: ['awaiting_approval', 'returned', 'cancelled', 'approved'],
    description: 'approved: the snapshot the chairman approved (what everyone sees from then on). Before approval (staff only): awaiting_approval while the inspection is, cancelled if the inspection was cancelled first, returned otherwise.',
  })
  readonly status!: 'awaiting_approval' | 'returned' | 'cancelled' | 'approved';
  @ApiPropertyOptional({ type: ApprovalView, description: 'Approved conclusions only.' }) readonly approval?: ApprovalView;
  @ApiPropertyOptional({ ...INSTANT, description: 'Draft conclusions only: when last submitted.' }) readonly submittedAt?: string;
  @ApiPropertyOptional({ type: [ConclusionReturnView], description: 'Draft conclusions only: the chairman’s returns, oldest first.' })
  readonly returns?: readonly ConclusionReturnView[];
  @ApiPropertyOptional({
    description: 'While awaiting approval only: the hash an approval now would bind to (send it as contentHash to approve exactly this).',
  })
  readonly contentHash?: string;
}

/** What the chairman approved, frozen: everyone who may see the inspection sees exactly this. */
export function toApprovedConclusionView(approval: NonNullable<InspectionState['approval']>): ConclusionView {
  const { conclusion, dissents } = approval.approved;
  return {
    summary: conclusion.summary,
    rating: conclusion.rating,
    actions: conclusion.actions.map(requiredActionView),
    dissents: dissents.map(toDissentView),
    status: 'approved',
    approval: { contentHash: approval.contentHash, approvedAt: approval.approvedAt },
  };
}

/** A submitted conclusion not (yet) approved: staff only. */
export function toDraftConclusionView(s: InspectionState, conclusion: ConclusionState): ConclusionView {
  return {
    summary: conclusion.summary,
    rating: conclusion.rating,
    actions: conclusion.actions.map(requiredActionView),
    dissents: s.dissents.map(toDissentView),
    status: draftStatus(s),
    submittedAt: conclusion.submittedAt,
    returns: conclusion.returns.map((r) => ({ comment: r.comment, at: r.at })),
    contentHash: pendingContentHash(s),
  };
}

export function toDissentView(d: Dissent): DissentView {
  return { authorId: d.authorId, text: d.text, recordedAt: d.recordedAt };
}

function requiredActionView(a: RequiredAction): RequiredActionView {
  return { findingId: a.findingId, requirement: a.requirement, dueDate: a.dueDate, dueAt: a.dueAt };
}

/** Waiting for the chairman, sent back, or dropped with its cancelled inspection. */
function draftStatus(s: InspectionState): 'awaiting_approval' | 'returned' | 'cancelled' {
  if (s.status === 'cancelled') return 'cancelled';
  return s.status === 'awaiting_approval' ? 'awaiting_approval' : 'returned';
}
