import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  ACCOUNTABILITY_OUTCOMES,
  AccountabilityOutcome,
  AccountabilityReason,
  INSPECTION_EVENT_TYPES,
  INSPECTION_STATUSES,
  InspectionStatus,
  Rating,
  RATINGS,
  ROLES,
  Severity,
  SEVERITIES,
} from '@inspectorate/domain';

/**
 * The OpenAPI description of what `toInspectionView` (inspection.view.ts) and `visibleEvents`
 * (inspection-events.view.ts) return. The mappers stay the source of truth; the unit test of the
 * OpenAPI document checks at compile time that every field they can produce is described here,
 * with a type that fits.
 */

const INSTANT = { format: 'date-time', example: '2023-08-07T01:30:00.000Z' } as const;
const DAY_OR_INSTANT = 'As given: a calendar day (YYYY-MM-DD, Asia/Ho_Chi_Minh) or a date-time with an offset.';
const ACCOUNTABILITY_REASONS: readonly AccountabilityReason[] = ['response_overdue', 'action_rejected_twice'];

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

export class DeadlineView {
  @ApiProperty(INSTANT) readonly dueAt!: string;
  @ApiProperty() readonly overdue!: boolean;
}

export class ActionDeadlineView {
  @ApiProperty({ format: 'uuid' }) readonly actionId!: string;
  @ApiProperty(INSTANT) readonly dueAt!: string;
  @ApiProperty() readonly overdue!: boolean;
}

export class DeadlinesView {
  @ApiPropertyOptional({ type: DeadlineView, description: 'The conclusion’s, once the visit ended. Not shown to a unit head.' }) readonly conclusion?: DeadlineView;
  @ApiPropertyOptional({ type: DeadlineView, description: 'The unit’s response’s, once the unit was notified.' }) readonly response?: DeadlineView;
  @ApiProperty({ type: [ActionDeadlineView], description: 'Every corrective action not yet verified.' }) readonly actions!: readonly ActionDeadlineView[];
}

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

export class ActorView {
  @ApiProperty({ enum: ['user', 'system'], description: 'system: a timer of the workflow (a reminder, an overdue deadline).' }) readonly kind!: 'user' | 'system';
  @ApiPropertyOptional({ format: 'uuid', description: 'For a user.' }) readonly userId?: string;
  @ApiPropertyOptional({ enum: ROLES, description: 'For a user.' }) readonly role?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'For a unit head.' }) readonly unitId?: string;
}

export class InspectionEventView {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiPropertyOptional({ type: 'integer', description: 'Position in the whole log. Not shown to a unit head.' }) readonly position?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Version in the inspection’s stream. Not shown to a unit head.' }) readonly version?: number;
  @ApiProperty({ enum: INSPECTION_EVENT_TYPES }) readonly type!: string;
  @ApiProperty({ ...INSTANT, description: 'When it happened (for back-filled paper records, the date on paper).' }) readonly occurredAt!: string;
  @ApiProperty({ ...INSTANT, description: 'When it was written to the log.' }) readonly recordedAt!: string;
  @ApiProperty({ type: ActorView }) readonly actor!: ActorView;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event’s facts; their shape depends on type. A unit head reads VisitEnded as { endedAt } only.',
  })
  readonly data!: unknown;
}

export class InspectionEventPage {
  @ApiProperty({
    type: [InspectionEventView],
    description:
      'Oldest first, as far as the caller may see them: a unit head sees what happened at their unit from the visit on and what was approved (not the planning, the draft conclusion and its returns, the team’s reminders or follow-ups); outside the team and the chairman nobody sees FollowUpScheduled.',
  })
  readonly items!: readonly InspectionEventView[];
  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last.' }) readonly nextCursor!: string | null;
}
