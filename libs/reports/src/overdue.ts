import { ReportContext, ReportMeta, reportMeta, ReportRows, selectRows, visibleRows } from './input';
import { countByKind, OverdueByKind, OverdueItem, overdueItems } from './metrics';

/** Everything overdue as of `asOf`, oldest deadline first: of one year, or of every year. */
export interface OverdueReport {
  readonly kind: 'overdue';
  readonly meta: ReportMeta;
  readonly year: number | null;
  readonly total: number;
  readonly byKind: OverdueByKind;
  readonly items: readonly OverdueItem[];
}

export function overdueReport(all: ReportRows, year: number | null, ctx: ReportContext): OverdueReport {
  const visible = visibleRows(all, ctx.viewer);
  const rows = year === null ? visible : selectRows(visible, (i) => i.year === year);
  const items = overdueItems(rows, ctx.asOf, ctx.units);
  return { kind: 'overdue', meta: reportMeta(ctx), year, total: items.length, byKind: countByKind(items), items };
}
