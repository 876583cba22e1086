import { ApiProperty } from '@nestjs/swagger';
import { INSPECTION_STATUSES, InspectionStatus, Rating, RATINGS, ROLES, Role, SEVERITIES, Severity } from '@inspectorate/domain';

/**
 * The JSON reports as the API sends them, described for OpenAPI: the response types of
 * ReportsController. The library (libs/reports: DashboardReport, UnitScorecardReport,
 * CampaignReport, OverdueReport) computes the reports; the mappers of report-mappers/ build these
 * classes from them field by field, so these classes are the one definition of what is sent: a
 * field not described here cannot be sent, one required here cannot be left out (both refused by
 * the compiler). A field the library adds is not sent until it is described here and mapped.
 */

const INSTANT = { format: 'date-time', example: '2023-09-08T16:59:59.999Z' } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;
const OVERDUE_KINDS = ['conclusion', 'response', 'action'] as const;

export class RatioView {
  @ApiProperty(COUNT) readonly numerator!: number;
  @ApiProperty(COUNT) readonly denominator!: number;
  @ApiProperty({ type: Number, nullable: true, example: 93.8, description: 'One decimal, rounded half up; null when the denominator is 0.' })
  readonly percent!: number | null;
  @ApiProperty({ example: '61/65 (93.8%)', description: '`a/b (x%)`, or `0/0 (—)`.' }) readonly text!: string;
}

export class ReportMetaView {
  @ApiProperty({ ...INSTANT, description: 'The instant the report is as of.' }) readonly asOf!: string;
  @ApiProperty({ enum: ['live', 'replay'], description: 'live: the projection now; replay: the event log replayed up to asOf.' }) readonly source!: 'live' | 'replay';
  @ApiProperty({ enum: ROLES }) readonly viewerRole!: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For a unit head: everything in the report is about this unit only; null otherwise.' })
  readonly scopeUnitId!: string | null;
}

export class UnitRefView {
  @ApiProperty({ format: 'uuid' }) readonly unitId!: string;
  @ApiProperty({ example: 'XA-BINH-KHANH', description: 'The unit’s code (its id when the directory does not know it).' }) readonly unitCode!: string;
  @ApiProperty({ example: 'Xã Bình Khánh', description: 'The unit’s name (its id when the directory does not know it).' }) readonly unitName!: string;
}

export class InspectionStatusCountsView {
  @ApiProperty(COUNT) readonly planned!: number;
  @ApiProperty(COUNT) readonly in_progress!: number;
  @ApiProperty(COUNT) readonly drafting!: number;
  @ApiProperty(COUNT) readonly awaiting_approval!: number;
  @ApiProperty(COUNT) readonly awaiting_response!: number;
  @ApiProperty(COUNT) readonly remediating!: number;
  @ApiProperty(COUNT) readonly closed!: number;
  @ApiProperty(COUNT) readonly cancelled!: number;
}

export class InspectionCountsView {
  @ApiProperty({ ...COUNT, description: 'Every inspection in scope the viewer may know of, whatever became of it (the plan).' }) readonly planned!: number;
  @ApiProperty({ ...COUNT, description: 'Still planned: the visit has not started (only the team and the chairman ever count these).' }) readonly notYetStarted!: number;
  @ApiProperty({ ...COUNT, description: 'The visit started, whatever happened after.' }) readonly started!: number;
  @ApiProperty({ ...COUNT, description: 'Started and neither closed nor cancelled.' }) readonly ongoing!: number;
  @ApiProperty(COUNT) readonly closed!: number;
  @ApiProperty(COUNT) readonly cancelled!: number;
  @ApiProperty({ type: InspectionStatusCountsView }) readonly byStatus!: InspectionStatusCountsView;
  @ApiProperty({ type: RatioView, description: 'started / planned.' }) readonly startedOfPlanned!: RatioView;
  @ApiProperty({ type: RatioView, description: 'closed / started.' }) readonly closedOfStarted!: RatioView;
}

export class ConclusionCountsView {
  @ApiProperty({ ...COUNT, description: 'Visits that ended: each owes a conclusion.' }) readonly visitsEnded!: number;
  @ApiProperty({ ...COUNT, description: 'Submitted to the chairman at least once.' }) readonly submitted!: number;
  @ApiProperty(COUNT) readonly approved!: number;
  @ApiProperty({ ...COUNT, description: 'Still being drafted after their deadline.' }) readonly overdue!: number;
  @ApiProperty({ type: RatioView, description: 'approved / visitsEnded.' }) readonly approvedOfVisitsEnded!: RatioView;
}

export class SeverityCountView {
  @ApiProperty({ enum: SEVERITIES }) readonly severity!: Severity;
  @ApiProperty({ example: 'nặng', description: 'In Vietnamese.' }) readonly label!: string;
  @ApiProperty(COUNT) readonly total!: number;
  @ApiProperty(COUNT) readonly open!: number;
}

export class CriterionCountView {
  @ApiProperty({ example: 'KL-01' }) readonly criterionCode!: string;
  @ApiProperty({ description: 'The criterion’s name in Vietnamese (in the checklist version the inspection used).' }) readonly name!: string;
  @ApiProperty({ description: 'The criterion’s name in English.' }) readonly nameEn!: string;
  @ApiProperty(COUNT) readonly total!: number;
  @ApiProperty(COUNT) readonly open!: number;
}

export class FindingsSummaryView {
  @ApiProperty({ ...COUNT, description: 'Findings recorded and not withdrawn.' }) readonly total!: number;
  @ApiProperty({ ...COUNT, description: 'Of those, still unresolved.' }) readonly open!: number;
  @ApiProperty(COUNT) readonly withdrawn!: number;
  @ApiProperty({ type: [SeverityCountView], description: 'critical, major, minor: always all three.' }) readonly bySeverity!: readonly SeverityCountView[];
  @ApiProperty({ type: [CriterionCountView], description: 'Most findings first, then by code; only criteria with findings.' }) readonly byCriterion!: readonly CriterionCountView[];
}

export class ResponseCountsView {
  @ApiProperty({ ...COUNT, description: 'Responses that were due by asOf: submitted, or deadline passed without one while owed.' }) readonly due!: number;
  @ApiProperty(COUNT) readonly submitted!: number;
  @ApiProperty(COUNT) readonly onTime!: number;
  @ApiProperty(COUNT) readonly late!: number;
  @ApiProperty({ ...COUNT, description: 'Deadline passed, no response yet, still awaited.' }) readonly overdue!: number;
  @ApiProperty({ ...COUNT, description: 'Awaited, deadline not yet passed.' }) readonly pending!: number;
  @ApiProperty({ type: RatioView, description: 'onTime / due.' }) readonly onTimeRate!: RatioView;
}

export class RemediationCountsView {
  @ApiProperty({ ...COUNT, description: 'Corrective actions planned, except those of cancelled inspections.' }) readonly total!: number;
  @ApiProperty(COUNT) readonly verified!: number;
  @ApiProperty({ ...COUNT, description: 'Reported done, awaiting verification.' }) readonly reported!: number;
  @ApiProperty({ ...COUNT, description: 'Open or rejected (to be redone).' }) readonly open!: number;
  @ApiProperty({ ...COUNT, description: 'Open or rejected with their due date before asOf.' }) readonly overdue!: number;
  @ApiProperty({ type: RatioView, description: 'verified / total.' }) readonly completionRate!: RatioView;
}

export class OverdueItemView extends UnitRefView {
  @ApiProperty({ enum: OVERDUE_KINDS }) readonly kind!: 'conclusion' | 'response' | 'action';
  @ApiProperty({ description: 'In Vietnamese.' }) readonly label!: string;
  @ApiProperty(INSTANT) readonly dueAt!: string;
  @ApiProperty({ ...COUNT, description: 'Whole days (24 h) between the deadline and asOf.' }) readonly daysOverdue!: number;
  @ApiProperty({ format: 'uuid' }) readonly inspectionId!: string;
  @ApiProperty({ format: 'uuid' }) readonly campaignId!: string;
  @ApiProperty({ type: 'integer', example: 2023 }) readonly year!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For an action; null otherwise.' }) readonly actionId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For an action: its finding; null otherwise.' }) readonly findingId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'For an action: who carries it out; null otherwise.' }) readonly owner!: string | null;
}

export class CaseItemView extends UnitRefView {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ format: 'uuid' }) readonly inspectionId!: string;
  @ApiProperty({ example: 'response_overdue', description: 'response_overdue or action_rejected_twice.' }) readonly reason!: string;
  @ApiProperty({ description: 'The reason in Vietnamese.' }) readonly label!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly actionId!: string | null;
  @ApiProperty(INSTANT) readonly openedAt!: string;
  @ApiProperty({ ...COUNT, description: 'Whole days (24 h) between opening and asOf.' }) readonly daysOpen!: number;
}

export class AccountabilitySummaryView {
  @ApiProperty(COUNT) readonly total!: number;
  @ApiProperty(COUNT) readonly open!: number;
  @ApiProperty(COUNT) readonly decided!: number;
  @ApiProperty({ type: [CaseItemView], description: 'Open cases, oldest first.' }) readonly openCases!: readonly CaseItemView[];
}

export class RatingEntryView {
  @ApiProperty({ format: 'uuid' }) readonly inspectionId!: string;
  @ApiProperty({ enum: RATINGS }) readonly rating!: Rating;
  @ApiProperty({ example: 'Tốt', description: 'In Vietnamese.' }) readonly label!: string;
  @ApiProperty(INSTANT) readonly approvedAt!: string;
}

export class UnitOpenFindingsView extends UnitRefView {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Competition rank ("1, 1, 3"): units with as many open findings share a rank.' }) readonly rank!: number;
  @ApiProperty(COUNT) readonly openFindings!: number;
  @ApiProperty(COUNT) readonly findings!: number;
  @ApiProperty({ ...COUNT, description: 'Inspections of the unit that started in the year.' }) readonly inspections!: number;
}

export class UnitRatingView extends UnitRefView {
  @ApiProperty({ type: 'integer', minimum: 1 }) readonly rank!: number;
  @ApiProperty({ enum: RATINGS }) readonly rating!: Rating;
  @ApiProperty({ example: 'Tốt' }) readonly label!: string;
  @ApiProperty(INSTANT) readonly approvedAt!: string;
  @ApiProperty({ format: 'uuid' }) readonly inspectionId!: string;
}

export class DashboardUnitsView {
  @ApiProperty({ type: [UnitOpenFindingsView], description: 'Most open findings first; every unit with an inspection in the year, even at 0.' })
  readonly byOpenFindings!: readonly UnitOpenFindingsView[];
  @ApiProperty({ type: [UnitRatingView], description: 'Best latest rating first; only units with an approved conclusion.' }) readonly byRating!: readonly UnitRatingView[];
}

export class DashboardReportView {
  @ApiProperty({ enum: ['dashboard'] }) readonly kind!: 'dashboard';
  @ApiProperty({ type: ReportMetaView }) readonly meta!: ReportMetaView;
  @ApiProperty({ type: 'integer', example: 2023, description: 'The year of the campaigns counted.' }) readonly year!: number;
  @ApiProperty({ type: InspectionCountsView }) readonly inspections!: InspectionCountsView;
  @ApiProperty({ type: ConclusionCountsView }) readonly conclusions!: ConclusionCountsView;
  @ApiProperty({ type: FindingsSummaryView }) readonly findings!: FindingsSummaryView;
  @ApiProperty({ type: DashboardUnitsView }) readonly units!: DashboardUnitsView;
  @ApiProperty({ type: ResponseCountsView }) readonly responses!: ResponseCountsView;
  @ApiProperty({ type: RemediationCountsView }) readonly remediation!: RemediationCountsView;
  @ApiProperty({ type: [OverdueItemView], description: 'Everything overdue, oldest deadline first.' }) readonly overdue!: readonly OverdueItemView[];
  @ApiProperty({ type: AccountabilitySummaryView }) readonly accountability!: AccountabilitySummaryView;
}

export class UnitYearView {
  @ApiProperty({ type: 'integer', example: 2023 }) readonly year!: number;
  @ApiProperty({ type: InspectionCountsView }) readonly inspections!: InspectionCountsView;
  @ApiProperty({ type: ConclusionCountsView }) readonly conclusions!: ConclusionCountsView;
  @ApiProperty({ type: FindingsSummaryView }) readonly findings!: FindingsSummaryView;
  @ApiProperty({ type: [RatingEntryView], description: 'Every approved rating of the year, oldest first.' }) readonly ratings!: readonly RatingEntryView[];
  // Inline rather than a $ref: in OpenAPI 3.0 `nullable` does not reach into an allOf, so a nullable reference would refuse null.
  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'The latest of ratings (a RatingEntryView); null when there is none.',
    properties: {
      inspectionId: { type: 'string', format: 'uuid' },
      rating: { type: 'string', enum: [...RATINGS] },
      label: { type: 'string', example: 'Tốt' },
      approvedAt: { type: 'string', format: 'date-time' },
    },
    required: ['inspectionId', 'rating', 'label', 'approvedAt'],
    selfRequired: true,
  })
  readonly latestRating!: RatingEntryView | null;
  @ApiProperty({ type: ResponseCountsView }) readonly responses!: ResponseCountsView;
  @ApiProperty({ type: RemediationCountsView }) readonly remediation!: RemediationCountsView;
  @ApiProperty({ type: AccountabilitySummaryView }) readonly accountability!: AccountabilitySummaryView;
}

export class UnitScorecardReportView {
  @ApiProperty({ enum: ['unit'] }) readonly kind!: 'unit';
  @ApiProperty({ type: ReportMetaView }) readonly meta!: ReportMetaView;
  @ApiProperty({ type: UnitRefView }) readonly unit!: UnitRefView;
  @ApiProperty({ type: 'integer', example: 2023, description: 'The year asked for (by default the year of asOf).' }) readonly year!: number;
  @ApiProperty({ type: UnitYearView, description: 'That year’s scorecard, all zeros when nothing happened in it.' }) readonly current!: UnitYearView;
  @ApiProperty({ type: [UnitYearView], description: 'Every year with an inspection of the unit the viewer may know of, and the year asked for; oldest first.' })
  readonly history!: readonly UnitYearView[];
  @ApiProperty({ type: [OverdueItemView], description: 'What is overdue for the unit now, all years, oldest first.' }) readonly overdue!: readonly OverdueItemView[];
}

export class CampaignSummaryView {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty() readonly title!: string;
  @ApiProperty({ type: 'integer', example: 2023 }) readonly year!: number;
  @ApiProperty() readonly legalBasis!: string;
  @ApiProperty({ enum: ['active', 'completed', 'cancelled'] }) readonly status!: string;
  @ApiProperty(INSTANT) readonly createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly completedAt!: string | null;
}

export class CampaignUnitLineView extends UnitRefView {
  @ApiProperty({ format: 'uuid' }) readonly inspectionId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly followUpOf!: string | null;
  @ApiProperty({ enum: INSPECTION_STATUSES }) readonly status!: InspectionStatus;
  @ApiProperty({ example: 'Đang khắc phục', description: 'The status in Vietnamese.' }) readonly statusLabel!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly startedAt!: string | null;
  @ApiProperty({ ...COUNT, description: 'Findings not withdrawn.' }) readonly findings!: number;
  @ApiProperty(COUNT) readonly openFindings!: number;
  @ApiProperty({ type: String, enum: [...RATINGS, null], nullable: true, description: 'The approved rating; null before approval.' }) readonly rating!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Khá' }) readonly ratingLabel!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly approvedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly responseSubmittedAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'true on time, false late, null not (yet) submitted.' }) readonly responseOnTime!: boolean | null;
  @ApiProperty(COUNT) readonly actions!: number;
  @ApiProperty(COUNT) readonly actionsVerified!: number;
  @ApiProperty(COUNT) readonly actionsOverdue!: number;
  @ApiProperty(COUNT) readonly openCases!: number;
}

export class NarrativeView {
  @ApiProperty({ type: [String] }) readonly sentences!: readonly string[];
  @ApiProperty({ description: 'The sentences, joined.' }) readonly text!: string;
}

export class CampaignReportView {
  @ApiProperty({ enum: ['campaign'] }) readonly kind!: 'campaign';
  @ApiProperty({ type: ReportMetaView }) readonly meta!: ReportMetaView;
  @ApiProperty({ type: CampaignSummaryView }) readonly campaign!: CampaignSummaryView;
  @ApiProperty({ type: InspectionCountsView }) readonly inspections!: InspectionCountsView;
  @ApiProperty({ type: ConclusionCountsView }) readonly conclusions!: ConclusionCountsView;
  @ApiProperty({ type: FindingsSummaryView }) readonly findings!: FindingsSummaryView;
  @ApiProperty({ type: ResponseCountsView }) readonly responses!: ResponseCountsView;
  @ApiProperty({ type: RemediationCountsView }) readonly remediation!: RemediationCountsView;
  @ApiProperty({ type: AccountabilitySummaryView }) readonly accountability!: AccountabilitySummaryView;
  @ApiProperty({ type: [CampaignUnitLineView], description: 'One line per inspection of the campaign the viewer may know of, by unit code.' })
  readonly units!: readonly CampaignUnitLineView[];
  @ApiProperty({ type: [OverdueItemView] }) readonly overdue!: readonly OverdueItemView[];
  @ApiProperty({ type: NarrativeView, description: 'A short summary in Vietnamese, written from the numbers.' }) readonly narrative!: NarrativeView;
}

export class OverdueByKindView {
  @ApiProperty(COUNT) readonly conclusion!: number;
  @ApiProperty(COUNT) readonly response!: number;
  @ApiProperty(COUNT) readonly action!: number;
}

export class OverdueReportView {
  @ApiProperty({ enum: ['overdue'] }) readonly kind!: 'overdue';
  @ApiProperty({ type: ReportMetaView }) readonly meta!: ReportMetaView;
  @ApiProperty({ type: 'integer', nullable: true, example: 2023, description: 'The year asked for; null for every year.' }) readonly year!: number | null;
  @ApiProperty(COUNT) readonly total!: number;
  @ApiProperty({ type: OverdueByKindView }) readonly byKind!: OverdueByKindView;
  @ApiProperty({ type: [OverdueItemView], description: 'Oldest deadline first.' }) readonly items!: readonly OverdueItemView[];
}
