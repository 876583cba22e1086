import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNTABILITY_OUTCOMES, AccountabilityCaseState, AccountabilityOutcome, AccountabilityReason } from '@inspectorate/domain';
import { INSTANT } from './formats';

const ACCOUNTABILITY_REASONS: readonly AccountabilityReason[] = ['response_overdue', 'action_rejected_twice'];

export class InspectionCaseView {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ enum: ACCOUNTABILITY_REASONS }) readonly reason!: AccountabilityReason;
  @ApiProperty({ format: 'uuid' }) readonly unitId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'For action_rejected_twice: the action.' }) readonly actionId?: string;
  @ApiProperty(INSTANT) readonly openedAt!: string;
  @ApiProperty({ enum: ['open', 'decided'] }) readonly status!: 'open' | 'decided';
  @ApiPropertyOptional({ enum: ACCOUNTABILITY_OUTCOMES, description: 'Once decided.' }) readonly outcome?: AccountabilityOutcome;
  @ApiPropertyOptional({ description: 'The chairman’s note, once decided.' }) readonly note?: string;
  @ApiPropertyOptional(INSTANT) readonly decidedAt?: string;
}

export function toInspectionCaseView(c: AccountabilityCaseState): InspectionCaseView {
  return {
    id: c.id,
    reason: c.reason,
    unitId: c.unitId,
    actionId: c.actionId,
    openedAt: c.openedAt,
    status: c.status,
    outcome: c.outcome,
    note: c.note,
    decidedAt: c.decidedAt,
  };
}
