import { api, call } from '../../api/client';
import type { paths } from '../../api/openapi';
import type { FindingSearchPage } from '../../api/types';

export type FindingQuery = NonNullable<paths['/api/v1/findings']['get']['parameters']['query']>;
export type Severity = NonNullable<FindingQuery['severity']>;
export const SEVERITIES: readonly Severity[] = ['minor', 'major', 'critical'];
export const PAGE = 25;

/** One page of findings, newest first; only those of inspections the caller may see (the API decides). */
export const searchFindings = (query: FindingQuery, cursor: string | undefined): Promise<FindingSearchPage> =>
  call(api.GET('/api/v1/findings', { params: { query: { ...query, limit: PAGE, ...(cursor ? { cursor } : {}) } } }));
