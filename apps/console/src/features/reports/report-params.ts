import { useSearchParams } from 'react-router';
import { todayInVietnam } from '../../i18n/format';

/**
 * The as-of date and the year of a report live in the address (`?asOf=2023-09-08&year=2023`), so a
 * report as of a past date can be bookmarked, sent to a colleague and reloaded. No asOf = today.
 */
export interface ReportParams {
  readonly asOf?: string;
  readonly year?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function useReportParams(): [ReportParams, (next: ReportParams) => void] {
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('asOf') ?? undefined;
  const year = Number(search.get('year'));
  const params: ReportParams = {
    ...(asOf && DATE.test(asOf) && asOf < todayInVietnam() ? { asOf } : {}),
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {}),
  };
  const set = (next: ReportParams) => {
    const query = new URLSearchParams();
    if (next.year !== undefined) query.set('year', String(next.year));
    if (next.asOf && next.asOf < todayInVietnam()) query.set('asOf', next.asOf);
    setSearch(query);
  };
  return [params, set];
}

/** The query of a report request: only what was chosen, so "today" stays the live, cheap path. */
export function reportQuery(params: ReportParams): { asOf?: string; year?: number } {
  return { ...(params.asOf ? { asOf: params.asOf } : {}), ...(params.year !== undefined ? { year: params.year } : {}) };
}
