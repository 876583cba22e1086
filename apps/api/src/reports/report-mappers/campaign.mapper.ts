import type { CampaignReport, CampaignUnitLine } from '@inspectorate/reports';
import { CampaignReportView, CampaignSummaryView, CampaignUnitLineView, NarrativeView } from '../report.views';
import {
  toAccountabilitySummaryView,
  toConclusionCountsView,
  toFindingsSummaryView,
  toInspectionCountsView,
  toOverdueItemView,
  toRemediationCountsView,
  toReportMetaView,
  toResponseCountsView,
} from './metrics.mapper';

/** A campaign's report as the API sends it: the library's report, field by field (see metrics.mapper.ts). */
export function toCampaignReportView(report: CampaignReport): CampaignReportView {
  return {
    kind: report.kind,
    meta: toReportMetaView(report.meta),
    campaign: toCampaignSummaryView(report.campaign),
    inspections: toInspectionCountsView(report.inspections),
    conclusions: toConclusionCountsView(report.conclusions),
    findings: toFindingsSummaryView(report.findings),
    responses: toResponseCountsView(report.responses),
    remediation: toRemediationCountsView(report.remediation),
    accountability: toAccountabilitySummaryView(report.accountability),
    units: report.units.map(toCampaignUnitLineView),
    overdue: report.overdue.map(toOverdueItemView),
    narrative: toNarrativeView(report.narrative),
  };
}

function toCampaignSummaryView(campaign: CampaignReport['campaign']): CampaignSummaryView {
  return {
    id: campaign.id,
    title: campaign.title,
    year: campaign.year,
    legalBasis: campaign.legalBasis,
    status: campaign.status,
    createdAt: campaign.createdAt,
    completedAt: campaign.completedAt,
  };
}

function toCampaignUnitLineView(line: CampaignUnitLine): CampaignUnitLineView {
  return {
    unitId: line.unitId,
    unitCode: line.unitCode,
    unitName: line.unitName,
    inspectionId: line.inspectionId,
    followUpOf: line.followUpOf,
    status: line.status,
    statusLabel: line.statusLabel,
    startedAt: line.startedAt,
    findings: line.findings,
    openFindings: line.openFindings,
    rating: line.rating,
    ratingLabel: line.ratingLabel,
    approvedAt: line.approvedAt,
    responseSubmittedAt: line.responseSubmittedAt,
    responseOnTime: line.responseOnTime,
    actions: line.actions,
    actionsVerified: line.actionsVerified,
    actionsOverdue: line.actionsOverdue,
    openCases: line.openCases,
  };
}

function toNarrativeView(narrative: CampaignReport['narrative']): NarrativeView {
  return { sentences: narrative.sentences, text: narrative.text };
}
