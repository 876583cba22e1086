import type { OverdueByKind, OverdueReport } from '@inspectorate/reports';
import { OverdueByKindView, OverdueReportView } from '../report.views';
import { toOverdueItemView, toReportMetaView } from './metrics.mapper';

/** The overdue list as the API sends it: the library's report, field by field (see metrics.mapper.ts). */
export function toOverdueReportView(report: OverdueReport): OverdueReportView {
  return {
    kind: report.kind,
    meta: toReportMetaView(report.meta),
    year: report.year,
    total: report.total,
    byKind: toOverdueByKindView(report.byKind),
    items: report.items.map(toOverdueItemView),
  };
}

function toOverdueByKindView(byKind: OverdueByKind): OverdueByKindView {
  return { conclusion: byKind.conclusion, response: byKind.response, action: byKind.action };
}
