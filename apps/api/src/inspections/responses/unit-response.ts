import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InspectionState, ResponseItem } from '@inspectorate/domain';
import { DAY_OR_INSTANT, INSTANT } from './formats';

/** The unit's response to the approved conclusion, and its request for more time to give it. */
export class ActionPlanView {
  @ApiProperty({ description: 'Who at the unit carries the action out.' }) readonly owner!: string;
  @ApiProperty({ example: '2023-11-30', description: DAY_OR_INSTANT }) readonly dueDate!: string;
}

export class ResponseItemView {
  @ApiProperty({ format: 'uuid' }) readonly findingId!: string;
  @ApiProperty({ enum: ['accepted', 'disputed'] }) readonly position!: 'accepted' | 'disputed';
  @ApiProperty() readonly explanation!: string;
  @ApiPropertyOptional({ type: ActionPlanView, description: 'For an accepted finding with a required action.' }) readonly plan?: ActionPlanView;
}

export class UnitResponseView {
  @ApiProperty(INSTANT) readonly submittedAt!: string;
  @ApiProperty({ description: 'Submitted after its deadline.' }) readonly late!: boolean;
  @ApiProperty({ type: [ResponseItemView] }) readonly items!: readonly ResponseItemView[];
}

export class ExtensionView {
  @ApiProperty({ enum: ['pending', 'granted', 'refused'] }) readonly status!: 'pending' | 'granted' | 'refused';
  @ApiProperty() readonly reason!: string;
  @ApiProperty({ example: '2023-10-20', description: `The deadline asked for. ${DAY_OR_INSTANT}` }) readonly requestedDeadline!: string;
  @ApiProperty(INSTANT) readonly requestedDueAt!: string;
  @ApiProperty(INSTANT) readonly requestedAt!: string;
  @ApiPropertyOptional({ description: 'The lead’s note, once decided.' }) readonly note?: string;
  @ApiPropertyOptional(INSTANT) readonly decidedAt?: string;
}

export function toUnitResponseView(response: NonNullable<InspectionState['response']>): UnitResponseView {
  return { submittedAt: response.submittedAt, late: response.late, items: response.items.map(responseItemView) };
}

function responseItemView(item: ResponseItem): ResponseItemView {
  return {
    findingId: item.findingId,
    position: item.position,
    explanation: item.explanation,
    plan: item.plan && { owner: item.plan.owner, dueDate: item.plan.dueDate },
  };
}

export function toExtensionView(extension: NonNullable<InspectionState['extension']>): ExtensionView {
  return {
    status: extension.status,
    reason: extension.reason,
    requestedDeadline: extension.requestedDeadline,
    requestedDueAt: extension.requestedDueAt,
    requestedAt: extension.requestedAt,
    note: extension.note,
    decidedAt: extension.decidedAt,
  };
}
