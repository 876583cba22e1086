import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardReport } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { useUser } from '../../session/use-session';
import { ErrorMessage, ListState, Loading } from '../../ui/feedback';
import { usePageTitle } from '../../ui/use-page-title';
import { AsOfLine, AsOfPicker } from './AsOfPicker';
import { BarChart } from './BarChart';
import { Downloads } from './Downloads';
import { Figure, OverdueTable, RatioFigure } from './Figures';
import { useReportParams, type ReportParams } from './report-params';
import { dashboardFile, getCampaigns, getDashboard, reportKeys } from './reports-api';
import { ReportsNav } from './ReportsNav';

/** The chairman's year at a glance (domain.md, "What the chairman wants to see"), as of any past day. */
export default function DashboardPage() {
  const { t } = useTranslation('reports');
  usePageTitle(t('dashboard.title'));
  const [params, setParams] = useReportParams();
  const report = useQuery({ queryKey: reportKeys.dashboard(params), queryFn: () => getDashboard(params) });
  return (
    <section className="report">
      <h1>{t('dashboard.title')}</h1>
      <ReportsNav />
      <AsOfPicker key={`${params.asOf ?? ''}-${params.year ?? ''}`} params={params} onChange={setParams} withYear />
      {report.isPending ? <Loading /> : null}
      {report.error ? (
        <div className="panel">
          <ErrorMessage error={report.error} />
          <button type="button" onClick={() => void report.refetch()}>
            {t('common:actions.retry')}
          </button>
        </div>
      ) : null}
      {report.data ? <Dashboard report={report.data} params={params} /> : null}
    </section>
  );
}

function Dashboard({ report, params }: { report: DashboardReport; params: ReportParams }) {
  const { t, i18n } = useTranslation('reports');
  const format = useFormat();
  const user = useUser();
  const { inspections, conclusions, findings, responses, remediation, accountability, units } = report;
  const english = i18n.language === 'en';
  return (
    <>
      <h2>{t('dashboard.year', { year: report.year })}</h2>
      <AsOfLine meta={report.meta} />
      <Downloads
        fetchFile={(fileFormat) => dashboardFile({ ...params, year: report.year }, fileFormat)}
        baseName={`dashboard-${report.year}`}
      />
      <div className="figures">
        <Figure label={t('figures.planned')}>{format.number(inspections.planned)}</Figure>
        <RatioFigure label={t('figures.startedOfPlanned')} ratio={inspections.startedOfPlanned} />
        <RatioFigure label={t('figures.closedOfStarted')} ratio={inspections.closedOfStarted} />
        <RatioFigure label={t('figures.approvedOfVisitsEnded')} ratio={conclusions.approvedOfVisitsEnded} />
        <RatioFigure label={t('figures.responsesOnTime')} ratio={responses.onTimeRate} />
        <RatioFigure label={t('figures.remediationCompleted')} ratio={remediation.completionRate} />
        <Figure label={t('figures.overdue')} tone={report.overdue.length > 0 ? 'danger' : undefined}>
          {format.number(report.overdue.length)}
        </Figure>
        <Figure label={t('figures.openCases')}>{format.number(accountability.open)}</Figure>
      </div>

      <div className="charts">
        <BarChart
          caption={t('charts.bySeverity', { total: format.number(findings.total), open: format.number(findings.open) })}
          bars={findings.bySeverity.map((row) => ({
            key: row.severity,
            label: t(`common:severity.${row.severity}`),
            value: row.total,
            part: row.open,
          }))}
          valueText={(bar) => t('charts.totalOpen', { total: format.number(bar.value), open: format.number(bar.part ?? 0) })}
          totalLegend={t('charts.legendTotal')}
          partLegend={t('charts.legendOpen')}
        />
        <BarChart
          caption={t('charts.byCriterion')}
          bars={findings.byCriterion.map((row) => ({
            key: row.criterionCode,
            label: `${row.criterionCode} ${english ? row.nameEn : row.name}`,
            value: row.total,
            part: row.open,
          }))}
          valueText={(bar) => t('charts.totalOpen', { total: format.number(bar.value), open: format.number(bar.part ?? 0) })}
          totalLegend={t('charts.legendTotal')}
          partLegend={t('charts.legendOpen')}
        />
      </div>
      <FindingsTable report={report} />

      <h2>{t('units.byOpenFindings')}</h2>
      {units.byOpenFindings.length === 0 ? (
        <p className="muted">{t('units.none')}</p>
      ) : (
        <>
          <BarChart
            caption={t('units.byOpenFindingsChart')}
            bars={units.byOpenFindings.slice(0, 10).map((row) => ({ key: row.unitId, label: row.unitName, value: row.openFindings }))}
            valueText={(bar) => format.number(bar.value)}
          />
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('columns.rank')}</th>
                  <th scope="col">{t('columns.unit')}</th>
                  <th scope="col">{t('columns.openFindings')}</th>
                  <th scope="col">{t('columns.findings')}</th>
                  <th scope="col">{t('columns.inspections')}</th>
                </tr>
              </thead>
              <tbody>
                {units.byOpenFindings.map((row) => (
                  <tr key={row.unitId}>
                    <td>{format.number(row.rank)}</td>
                    <td>
                      <Link to={`/reports/units/${row.unitId}${suffix(params)}`}>{row.unitName}</Link>
                    </td>
                    <td>{format.number(row.openFindings)}</td>
                    <td>{format.number(row.findings)}</td>
                    <td>{format.number(row.inspections)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>{t('units.byRating')}</h2>
      {units.byRating.length === 0 ? (
        <p className="muted">{t('units.noRating')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('columns.rank')}</th>
                <th scope="col">{t('columns.unit')}</th>
                <th scope="col">{t('columns.rating')}</th>
                <th scope="col">{t('columns.approvedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {units.byRating.map((row) => (
                <tr key={row.unitId}>
                  <td>{format.number(row.rank)}</td>
                  <td>
                    <Link to={`/reports/units/${row.unitId}${suffix(params)}`}>{row.unitName}</Link>
                  </td>
                  <td>{t(`rating.${row.rating}`)}</td>
                  <td>{format.date(row.approvedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t('overdue.title')}</h2>
      <OverdueTable items={report.overdue} />
      <p>
        <Link to={`/reports/overdue${suffix(params)}`}>{t('overdue.all')}</Link>
      </p>

      {user.role !== 'unit_head' ? <CampaignLinks year={report.year} params={params} /> : null}
    </>
  );
}

function FindingsTable({ report }: { report: DashboardReport }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{t('charts.bySeverityTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.severity')}</th>
            <th scope="col">{t('columns.findings')}</th>
            <th scope="col">{t('columns.openFindings')}</th>
          </tr>
        </thead>
        <tbody>
          {report.findings.bySeverity.map((row) => (
            <tr key={row.severity}>
              <th scope="row">{t(`common:severity.${row.severity}`)}</th>
              <td>{format.number(row.total)}</td>
              <td>{format.number(row.open)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The year's campaigns, each with a link to its report as of the same day. */
function CampaignLinks({ year, params }: { year: number; params: ReportParams }) {
  const { t } = useTranslation('reports');
  const campaigns = useQuery({ queryKey: ['campaigns', 'of-year', year], queryFn: async () => (await getCampaigns(year)).items });
  return (
    <>
      <h2>{t('campaigns.title')}</h2>
      <ListState query={campaigns} empty={t('campaigns.none')}>
        {(items) => (
          <ul>
            {items.map((campaign) => (
              <li key={campaign.id}>
                <Link to={`/reports/campaigns/${campaign.id}${params.asOf ? `?asOf=${params.asOf}` : ''}`}>{campaign.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </>
  );
}

/** Keeps the chosen day (and year) when going from one report to another. */
export function suffix(params: ReportParams): string {
  const query = new URLSearchParams();
  if (params.year !== undefined) query.set('year', String(params.year));
  if (params.asOf) query.set('asOf', params.asOf);
  const text = query.toString();
  return text ? `?${text}` : '';
}
