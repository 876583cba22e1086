import { api, call } from '../../api/client';
import type { FileFormat } from './Downloads';
import type { CampaignReport, DashboardReport, OverdueReport, UnitScorecardReport } from '../../api/types';
import { reportQuery, type ReportParams } from './report-params';

/** A report answers JSON, CSV or XLSX (one operation in the OpenAPI document); without `format` it is the JSON. */
const json = <T>(answer: Promise<{ data?: unknown; error?: unknown; response: Response }>) => call(answer) as Promise<T>;

/**
 * The four reports of api.md, as JSON for the screens and as files for the downloads. Query keys
 * start with 'reports' and carry the parameters, so each as-of date is cached on its own.
 */
export const reportKeys = {
  dashboard: (params: ReportParams) => ['reports', 'dashboard', reportQuery(params)] as const,
  unit: (id: string, params: ReportParams) => ['reports', 'unit', id, reportQuery(params)] as const,
  campaign: (id: string, params: ReportParams) => ['reports', 'campaign', id, reportQuery(params)] as const,
  overdue: (params: ReportParams) => ['reports', 'overdue', reportQuery(params)] as const,
};

export const getDashboard = (params: ReportParams) =>
  json<DashboardReport>(api.GET('/api/v1/reports/dashboard', { params: { query: reportQuery(params) } }));
export const getUnitReport = (id: string, params: ReportParams) =>
  json<UnitScorecardReport>(api.GET('/api/v1/reports/units/{id}', { params: { path: { id }, query: reportQuery(params) } }));
export const getCampaignReport = (id: string, params: ReportParams) =>
  json<CampaignReport>(
    api.GET('/api/v1/reports/campaigns/{id}', { params: { path: { id }, query: { ...(params.asOf ? { asOf: params.asOf } : {}) } } }),
  );
export const getOverdueReport = (params: ReportParams) =>
  json<OverdueReport>(api.GET('/api/v1/reports/overdue', { params: { query: reportQuery(params) } }));

export const dashboardFile = (params: ReportParams, format: FileFormat) =>
  api.GET('/api/v1/reports/dashboard', { params: { query: { ...reportQuery(params), format } }, parseAs: 'blob' });
export const unitFile = (id: string, params: ReportParams, format: FileFormat) =>
  api.GET('/api/v1/reports/units/{id}', { params: { path: { id }, query: { ...reportQuery(params), format } }, parseAs: 'blob' });
export const campaignFile = (id: string, params: ReportParams, format: FileFormat) =>
  api.GET('/api/v1/reports/campaigns/{id}', {
    params: { path: { id }, query: { ...(params.asOf ? { asOf: params.asOf } : {}), format } },
    parseAs: 'blob',
  });
export const overdueFile = (params: ReportParams, format: FileFormat) =>
  api.GET('/api/v1/reports/overdue', { params: { query: { ...reportQuery(params), format } }, parseAs: 'blob' });
export const conclusionPdf = (inspectionId: string) =>
  api.GET('/api/v1/inspections/{id}/conclusion.pdf', { params: { path: { id: inspectionId } }, parseAs: 'blob' });

/** Campaigns of a year, to reach their reports (staff roles and the chairman only). */
export const getCampaigns = (year: number | undefined) =>
  call(api.GET('/api/v1/campaigns', { params: { query: { limit: 100, ...(year !== undefined ? { year } : {}) } } }));
