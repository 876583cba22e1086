import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActionState } from '@inspectorate/domain';
import { EvidenceView, evidenceView } from './findings';
import { DAY_OR_INSTANT, INSTANT } from './formats';

export class ActionReportView {
  @ApiProperty() readonly note!: string;
  @ApiProperty({ type: [EvidenceView] }) readonly evidence!: readonly EvidenceView[];
  @ApiProperty(INSTANT) readonly at!: string;
}

export class ActionRejectionView {
  @ApiProperty() readonly note!: string;
  @ApiProperty(INSTANT) readonly at!: string;
}

export class CorrectiveActionView {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid' }) readonly findingId!: string;
  @ApiProperty() readonly requirement!: string;
  @ApiProperty({ description: 'Who at the unit carries it out.' }) readonly owner!: string;
  @ApiProperty({ example: '2023-11-30', description: `The planned (or, after a rejection, the new) due date. ${DAY_OR_INSTANT}` }) readonly dueDate!: string;
  @ApiProperty(INSTANT) readonly dueAt!: string;
  @ApiProperty({ ...INSTANT, description: 'The due date the approved conclusion required; the plan may not go beyond it.' }) readonly requiredDueAt!: string;
  @ApiProperty({ enum: ['open', 'reported', 'verified', 'rejected'] }) readonly status!: 'open' | 'reported' | 'verified' | 'rejected';
  @ApiProperty() readonly overdue!: boolean;
  @ApiProperty(INSTANT) readonly plannedAt!: string;
  @ApiProperty({ type: 'integer', description: 'How often the lead rejected a report.' }) readonly rejections!: number;
  @ApiProperty({ type: [ActionReportView], description: 'The unit’s reports, oldest first.' }) readonly reports!: readonly ActionReportView[];
  @ApiPropertyOptional(INSTANT) readonly reportedAt?: string;
  @ApiPropertyOptional(INSTANT) readonly verifiedAt?: string;
  @ApiPropertyOptional({ type: ActionRejectionView }) readonly lastRejection?: ActionRejectionView;
  @ApiPropertyOptional({ example: '2023-12-31', description: 'The due date the approved conclusion required, as written there.' }) readonly requiredDueDate?: string;
}

/** A corrective action, with the due date the approved conclusion required for its finding (as written there). */
export function toCorrectiveActionView(a: ActionState, requiredDueDate: string | undefined): CorrectiveActionView {
  return {
    id: a.id,
    findingId: a.findingId,
    requirement: a.requirement,
    owner: a.owner,
    dueDate: a.dueDate,
    dueAt: a.dueAt,
    requiredDueAt: a.requiredDueAt,
    status: a.status,
    overdue: a.overdue,
    plannedAt: a.plannedAt,
    rejections: a.rejections,
    reports: a.reports.map((r) => ({ note: r.note, evidence: r.evidence.map(evidenceView), at: r.at })),
    reportedAt: a.reportedAt,
    verifiedAt: a.verifiedAt,
    lastRejection: a.lastRejection && { note: a.lastRejection.note, at: a.lastRejection.at },
    requiredDueDate,
  };
}
