import type { CampaignReport } from '../../campaign';
import type { DashboardReport } from '../../dashboard';
import type { OverdueReport } from '../../overdue';
import type { UnitScorecardReport } from '../../unit-scorecard';
import { campaignTables } from './campaign';
import { dashboardTables } from './dashboard';
import { overdueTables } from './overdue';
import { localDateTime, Table } from './table';
import { unitScorecardTables } from './unit-scorecard';

/**
 * "Flatten a report to tables", written once: one file per report, the sections several reports
 * share in sections.ts, the cell types and formats in table.ts. Callers import from here.
 */
export type { Cell, Column, Table } from './table';
export { localDateTime } from './table';
export { campaignTables, dashboardTables, overdueTables, unitScorecardTables };

export type AnyReport = DashboardReport | UnitScorecardReport | CampaignReport | OverdueReport;

export function reportTables(report: AnyReport): Table[] {
  switch (report.kind) {
    case 'dashboard':
      return dashboardTables(report);
    case 'unit':
      return unitScorecardTables(report);
    case 'campaign':
      return campaignTables(report);
    case 'overdue':
      return overdueTables(report);
  }
}

/** A file name for the report's download (ASCII, no spaces). */
export function reportFileName(report: AnyReport, extension: string): string {
  const day = localDateTime(report.meta.asOf)?.slice(0, 10) ?? 'unknown';
  switch (report.kind) {
    case 'dashboard':
      return `bao-cao-tong-hop-${report.year}-${day}.${extension}`;
    case 'unit':
      return `bao-cao-don-vi-${asciiSlug(report.unit.unitCode)}-${day}.${extension}`;
    case 'campaign':
      return `bao-cao-ke-hoach-${report.campaign.year}-${report.campaign.id.slice(0, 8)}-${day}.${extension}`;
    case 'overdue':
      return `viec-qua-han-${report.year ?? 'tat-ca'}-${day}.${extension}`;
  }
}

function asciiSlug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'don-vi'
  );
}
