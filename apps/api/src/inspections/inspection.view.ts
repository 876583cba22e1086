import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { INSPECTION_STATUSES, InspectionSight, inspectionSight, InspectionState, InspectionStatus, UserActor } from '@inspectorate/domain';
import { InspectionCaseView, toInspectionCaseView } from './responses/accountability';
import { CorrectiveActionView, toCorrectiveActionView } from './responses/actions';
import { ConclusionView, DissentView, toApprovedConclusionView, toDissentView, toDraftConclusionView } from './responses/conclusion';
import { DeadlinesView, toDeadlinesView } from './responses/deadlines';
import { FindingView, toFindingView } from './responses/findings';
import { DAY_OR_INSTANT, INSTANT } from './responses/formats';
import { ExtensionView, toExtensionView, toUnitResponseView, UnitResponseView } from './responses/unit-response';

/*
 * An inspection as one caller may see it: the response classes (what OpenAPI says is sent) and
 * the mapper that builds them. Every object sent is a literal built here or in responses/ (one
 * file per part, class and mapper together) with its class as the declared type, never a domain
 * object passed through: a field that is not described cannot be sent (the compiler refuses the
 * literal), and a described required field cannot be left out. Optional fields that do not apply
 * are undefined, which JSON leaves out: absent, never null.
 */

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
export class InspectionView {
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
export class InspectionWithCreatedFindingView extends InspectionView {
  @ApiProperty({ format: 'uuid', description: 'The id of the finding just recorded (also in findings).' }) readonly createdFindingId!: string;
}

export class InspectionPage {
  @ApiProperty({ type: [InspectionView], description: 'Newest planned first.' }) readonly items!: readonly InspectionView[];
  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last.' }) readonly nextCursor!: string | null;
}

/**
 * What one caller may see of an inspection (the domain's `inspectionSight`). A unit head never
 * sees the visit window, the draft conclusion, its returns or the team's internal deadlines, nor
 * any follow-up (it is unannounced too); once approved they see exactly the approved snapshot.
 * Nor the stream's version: it counts the events they may not see, so a version that moves with
 * nothing visible happening would tell them that something (a follow-up being planned) did.
 */
export function toInspectionView(s: InspectionState, version: number, viewer: UserActor): InspectionView {
  const sight = inspectionSight(viewer, s);
  const responses = new Map((s.response?.items ?? []).map((item) => [item.findingId, item]));
  const required = s.approval?.approved.conclusion.actions ?? [];
  const { conclusion, dissents } = conclusionOf(s, sight);

  return {
    id: s.id,
    campaignId: s.campaignId,
    unitId: s.unitId,
    year: s.year,
    status: s.status,
    version: sight.versions ? version : undefined,
    checklistVersion: s.checklistVersion,
    window: sight.visitWindow
      ? { windowStart: s.window.windowStart, windowEnd: s.window.windowEnd, opensAt: s.window.opensAt, closesAt: s.window.closesAt, missed: s.windowMissed }
      : undefined,
    startedAt: s.startedAt,
    visitEndedAt: s.visitEndedAt,
    closedAt: s.closedAt,
    team: { leadInspectorId: s.team.leadInspectorId, inspectorIds: [...s.team.inspectorIds] },
    followUpOf: s.followUpOf,
    // A scheduled follow-up is itself an unannounced inspection: only its team and the chairman know.
    followUps: sight.followUps ? [...s.followUps] : [],
    findings: s.findings.map((f) => toFindingView(f, responses.get(f.id))),
    conclusion,
    dissents,
    response: s.response && toUnitResponseView(s.response),
    extension: s.extension && toExtensionView(s.extension),
    actions: s.actions.map((a) => toCorrectiveActionView(a, required.find((r) => r.findingId === a.findingId)?.dueDate)),
    deadlines: toDeadlinesView(s, sight),
    accountabilityCaseIds: s.cases.map((c) => c.id),
    accountabilityCases: s.cases.map(toInspectionCaseView),
    cancellation: s.cancellation && { reason: s.cancellation.reason, at: s.cancellation.at, statusBefore: s.cancellation.statusBefore },
  };
}

/**
 * Once approved, the approved snapshot (everyone). Before that, staff see the submitted draft, or
 * the dissents recorded before any conclusion was submitted.
 */
function conclusionOf(s: InspectionState, sight: InspectionSight): { conclusion?: ConclusionView; dissents?: DissentView[] } {
  if (s.approval) return { conclusion: toApprovedConclusionView(s.approval) };
  if (!sight.draftConclusion) return {};
  if (s.conclusion) return { conclusion: toDraftConclusionView(s, s.conclusion) };
  return s.dissents.length > 0 ? { dissents: s.dissents.map(toDissentView) } : {};
}
