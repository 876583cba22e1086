import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { INSPECTION_STATUSES, InspectionStatus } from '@inspectorate/domain';
import { InspectionCaseView } from './responses/accountability';
import { CorrectiveActionView } from './responses/actions';
import { ConclusionView, DissentView } from './responses/conclusion';
import { DeadlinesView } from './responses/deadlines';
import { FindingView } from './responses/findings';
import { DAY_OR_INSTANT, INSTANT } from './responses/formats';
import { ExtensionView, UnitResponseView } from './responses/unit-response';

/**
 * The OpenAPI description of what `toInspectionView` (inspection.view.ts) and `visibleEvents`
 * (inspection-events.view.ts) return. The mappers stay the source of truth; the unit test of the
 * OpenAPI document checks at compile time that every field they can produce is described here,
 * with a type that fits. The inspection itself is described here, its parts in responses/ (one
 * file per part), all exported from this file.
 */
export * from './responses/accountability';
export * from './responses/actions';
export * from './responses/conclusion';
export * from './responses/deadlines';
export * from './responses/events';
export * from './responses/findings';
export * from './responses/unit-response';

export class VisitWindowView {
  @ApiProperty({ example: '2023-08-01', description: `First day of the window. ${DAY_OR_INSTANT}` }) readonly windowStart!: string;
  @ApiProperty({ example: '2023-08-15', description: `Last day of the window. ${DAY_OR_INSTANT}` }) readonly windowEnd!: string;
  @ApiProperty({ ...INSTANT, description: 'The instant the window opens.' }) readonly opensAt!: string;
  @ApiProperty({ ...INSTANT, description: 'The instant the window closes.' }) readonly closesAt!: string;
  @ApiProperty({ description: 'The window closed without a visit.' }) readonly missed!: boolean;
}

export class TeamView {
  @ApiProperty({ format: 'uuid' }) readonly leadInspectorId!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) readonly inspectorIds!: readonly string[];
}

export class CancellationView {
  @ApiProperty() readonly reason!: string;
  @ApiProperty(INSTANT) readonly at!: string;
  @ApiProperty({ enum: INSPECTION_STATUSES, description: 'The status the inspection was cancelled from.' }) readonly statusBefore!: string;
}

/**
 * An inspection as one caller may see it (GET /inspections/{id}, and the answer of every command).
 * Optional fields are absent, never null.
 */
@ApiSchema({
  name: 'InspectionView',
  description:
    'An inspection as the caller may see it. A unit head sees an inspection only once its visit has started, and never its visit window, its version, a draft conclusion (only the approved one), the conclusion deadline or its follow-ups.',
})
export class InspectionViewSchema {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid' }) readonly campaignId!: string;
  @ApiProperty({ format: 'uuid' }) readonly unitId!: string;
  @ApiProperty({ type: 'integer', example: 2023, description: 'The year of the campaign.' }) readonly year!: number;
  @ApiProperty({ enum: INSPECTION_STATUSES }) readonly status!: InspectionStatus;
  @ApiPropertyOptional({
    type: 'integer',
    description: 'The version of the inspection’s event stream. Not shown to a unit head (it counts events hidden from them).',
  })
  readonly version?: number;
  @ApiProperty({ example: 'demo-2023.1', description: 'The checklist version the findings’ criteria refer to.' }) readonly checklistVersion!: string;
  @ApiPropertyOptional({ type: VisitWindowView, description: 'The secret visit window. Shown to everyone who may see the inspection except a unit head (never, even after the visit started).' })
  readonly window?: VisitWindowView;
  @ApiPropertyOptional({ ...INSTANT, description: 'Once the visit started.' }) readonly startedAt?: string;
  @ApiPropertyOptional({ ...INSTANT, description: 'Once the visit ended.' }) readonly visitEndedAt?: string;
  @ApiPropertyOptional({ ...INSTANT, description: 'Once closed.' }) readonly closedAt?: string;
  @ApiProperty({ type: TeamView }) readonly team!: TeamView;
  @ApiPropertyOptional({ format: 'uuid', description: 'For a follow-up: the inspection it follows up.' }) readonly followUpOf?: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Follow-up inspections scheduled from this one. Only the team and the chairman see them; empty for everyone else.',
  })
  readonly followUps!: readonly string[];
  @ApiProperty({ type: [FindingView], description: 'Every finding recorded, withdrawn ones included, oldest first.' }) readonly findings!: readonly FindingView[];
  @ApiPropertyOptional({
    type: ConclusionView,
    description: 'Once approved, the approved conclusion (everyone). Before that, the submitted draft: staff only, never a unit head. Absent until a conclusion is submitted.',
  })
  readonly conclusion?: ConclusionView;
  @ApiPropertyOptional({
    type: [DissentView],
    description: 'Dissents recorded before any conclusion was submitted (staff only; absent when there are none). Once there is a conclusion they are in conclusion.dissents.',
  })
  readonly dissents?: readonly DissentView[];
  @ApiPropertyOptional({ type: UnitResponseView, description: 'The unit’s response, once submitted.' }) readonly response?: UnitResponseView;
  @ApiPropertyOptional({ type: ExtensionView, description: 'The unit’s request for a later response deadline, if it made one.' }) readonly extension?: ExtensionView;
  @ApiProperty({ type: [CorrectiveActionView], description: 'Corrective actions, planned from the unit’s response.' }) readonly actions!: readonly CorrectiveActionView[];
  @ApiProperty({ type: DeadlinesView }) readonly deadlines!: DeadlinesView;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The accountability cases opened about this inspection.' }) readonly accountabilityCaseIds!: readonly string[];
  @ApiProperty({ type: [InspectionCaseView], description: 'The same cases, in full.' }) readonly accountabilityCases!: readonly InspectionCaseView[];
  @ApiPropertyOptional({ type: CancellationView, description: 'Once cancelled.' }) readonly cancellation?: CancellationView;
}

@ApiSchema({ name: 'InspectionWithCreatedFindingView', description: 'The inspection after POST /inspections/{id}/findings, naming the new finding.' })
export class InspectionWithCreatedFindingViewSchema extends InspectionViewSchema {
  @ApiProperty({ format: 'uuid', description: 'The id of the finding just recorded (also in findings).' }) readonly createdFindingId!: string;
}

export class InspectionPage {
  @ApiProperty({ type: [InspectionViewSchema], description: 'Newest planned first.' }) readonly items!: readonly InspectionViewSchema[];
  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last.' }) readonly nextCursor!: string | null;
}
