import { completionOf, InspectionStatus, iso, isTerminal, UserActor } from '@inspectorate/domain';
import type { CampaignRow } from '@inspectorate/read-model/rows';
import { RATING_LABEL, STATUS_LABEL, isRating } from './labels';
import { ReportContext, ReportMeta, reportMeta, ReportRows, selectRows, UnitRef, unitRef, visibleRows } from './input';
import {
  AccountabilitySummary,
  accountabilitySummary,
  ConclusionCounts,
  conclusionCounts,
  findingsSummary,
  FindingsSummary,
  inspectionCounts,
  InspectionCounts,
  isActionOverdue,
  OverdueItem,
  overdueItems,
  remediationCounts,
  RemediationCounts,
  responseCounts,
  ResponseCounts,
} from './metrics';
import { campaignNarrative } from './narrative';

/** A campaign (kế hoạch kiểm tra), reported the way the yearly summary reads. */
export interface CampaignReport {
  readonly kind: 'campaign';
  readonly meta: ReportMeta;
  readonly campaign: {
    readonly id: string;
    readonly title: string;
    readonly year: number;
    readonly legalBasis: string;
    readonly status: string;
    readonly createdAt: string;
    readonly completedAt: string | null;
  };
  readonly inspections: InspectionCounts;
  readonly conclusions: ConclusionCounts;
  readonly findings: FindingsSummary;
  readonly responses: ResponseCounts;
  readonly remediation: RemediationCounts;
  readonly accountability: AccountabilitySummary;
  /** One line per inspection of the campaign the viewer may know of, by unit code. */
  readonly units: readonly CampaignUnitLine[];
  readonly overdue: readonly OverdueItem[];
  /** A short summary in Vietnamese, written from the numbers above. */
  readonly narrative: { readonly sentences: readonly string[]; readonly text: string };
}

export interface CampaignUnitLine extends UnitRef {
  readonly inspectionId: string;
  readonly followUpOf: string | null;
  readonly status: InspectionStatus;
  readonly statusLabel: string;
  readonly startedAt: string | null;
  readonly findings: number;
  readonly openFindings: number;
  readonly rating: string | null;
  readonly ratingLabel: string | null;
  readonly approvedAt: string | null;
  readonly responseSubmittedAt: string | null;
  /** true on time, false late, null not (yet) submitted. */
  readonly responseOnTime: boolean | null;
  readonly actions: number;
  readonly actionsVerified: number;
  readonly actionsOverdue: number;
  readonly openCases: number;
}

export function campaignReport(all: ReportRows, campaign: CampaignRow, ctx: ReportContext): CampaignReport {
  const rows = selectRows(visibleRows(all, ctx.viewer), (i) => i.campaignId === campaign.id);
  const inspections = inspectionCounts(rows.inspections);
  const conclusions = conclusionCounts(rows.inspections, ctx.asOf);
  const findings = findingsSummary(rows, ctx.criteria);
  const responses = responseCounts(rows.inspections, ctx.asOf);
  const remediation = remediationCounts(rows, ctx.asOf);
  const accountability = accountabilitySummary(rows.cases, ctx.asOf, ctx.units);
  const overdue = overdueItems(rows, ctx.asOf, ctx.units);
  const units = rows.inspections
    .map((i): CampaignUnitLine => {
      const live = rows.findings.filter((f) => f.inspectionId === i.id && f.status !== 'withdrawn');
      const actions = rows.actions.filter((a) => a.inspectionId === i.id);
      const rating = isRating(i.rating) && i.approvedAt ? i.rating : null;
      return {
        ...unitRef(ctx.units, i.unitId),
        inspectionId: i.id,
        followUpOf: i.followUpOf,
        status: i.status,
        statusLabel: STATUS_LABEL[i.status],
        startedAt: i.startedAt ? iso(i.startedAt) : null,
        findings: live.length,
        openFindings: live.filter((f) => f.open).length,
        rating,
        ratingLabel: rating ? RATING_LABEL[rating] : null,
        approvedAt: i.approvedAt ? iso(i.approvedAt) : null,
        responseSubmittedAt: i.responseSubmittedAt ? iso(i.responseSubmittedAt) : null,
        responseOnTime: i.responseSubmittedAt ? i.responseLate !== true : null,
        actions: actions.length,
        actionsVerified: actions.filter((a) => a.status === 'verified').length,
        actionsOverdue: isTerminal(i.status) ? 0 : actions.filter((a) => isActionOverdue(a, ctx.asOf)).length,
        openCases: rows.cases.filter((c) => c.inspectionId === i.id && c.status === 'open').length,
      };
    })
    .sort(
      (a, b) =>
        a.unitCode.localeCompare(b.unitCode) ||
        (a.startedAt ?? '').localeCompare(b.startedAt ?? '') ||
        a.inspectionId.localeCompare(b.inspectionId),
    );
  const sentences = campaignNarrative({
    legalBasis: campaign.legalBasis,
    inspections,
    conclusions,
    findings,
    ratings: units.flatMap((u) => (u.rating && isRating(u.rating) ? [u.rating] : [])),
    responses,
    remediation,
    overdue,
    accountability,
  });
  const completion = completionSeenBy(ctx.viewer, campaign, rows.inspections);
  return {
    kind: 'campaign',
    meta: reportMeta(ctx),
    campaign: {
      id: campaign.id,
      title: campaign.title,
      year: campaign.year,
      legalBasis: campaign.legalBasis,
      status: completion.status,
      createdAt: iso(campaign.createdAt),
      completedAt: completion.completedAt,
    },
    inspections,
    conclusions,
    findings,
    responses,
    remediation,
    accountability,
    units,
    overdue,
    narrative: { sentences, text: sentences.join(' ') },
  };
}

/**
 * The campaign's status and completion as this viewer may know them: the campaign's own for the
 * chairman and its team; for anyone else, derived from the inspections they see, or "active"
 * would betray a target still planned in secret.
 */
function completionSeenBy(viewer: UserActor, campaign: CampaignRow, visible: readonly ReportRows['inspections'][number][]): { status: string; completedAt: string | null } {
  const seesAll = viewer.role === 'chairman' || viewer.userId === campaign.leadInspectorId || campaign.inspectorIds.includes(viewer.userId);
  // A cancellation is the campaign's own fact and betrays no target: everyone sees it.
  if (seesAll || campaign.status === 'cancelled') return { status: campaign.status, completedAt: campaign.completedAt ? iso(campaign.completedAt) : null };
  const { status, completedAt } = completionOf(visible);
  return { status, completedAt: completedAt ? iso(completedAt) : null };
}
