import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { UnitScorecardReport } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { usePageTitle } from '../../ui/use-page-title';
import { AsOfLine, AsOfPicker } from './AsOfPicker';
import { Downloads } from './Downloads';
import { Figure, OverdueTable, RatioFigure } from './Figures';
import { useReportParams, type ReportParams } from './report-params';
import { getUnitReport, reportKeys, unitFile } from './reports-api';
import { ReportsNav } from './ReportsNav';
import { ReportState } from './ReportScreen';

type UnitYear = UnitScorecardReport['current'];

/** One unit's scorecard across the years: is it getting better? */
export default function UnitReportPage() {
  const { t } = useTranslation('reports');
  const { id = '' } = useParams();
  const [params, setParams] = useReportParams();
  const report = useQuery({ queryKey: reportKeys.unit(id, params), queryFn: () => getUnitReport(id, params) });
  usePageTitle(report.data ? t('unit.title', { unit: report.data.unit.unitName }) : t('unit.titleLoading'));
  return (
    <section className="report">
      <h1>{report.data ? t('unit.title', { unit: report.data.unit.unitName }) : t('unit.titleLoading')}</h1>
      <ReportsNav />
      <AsOfPicker key={`${params.asOf ?? ''}-${params.year ?? ''}`} params={params} onChange={setParams} withYear />
      <ReportState query={report}>{(data) => <Scorecard report={data} params={params} />}</ReportState>
    </section>
  );
}

function Scorecard({ report, params }: { report: UnitScorecardReport; params: ReportParams }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const current = report.current;
  const years = [...report.history].sort((a, b) => b.year - a.year);
  return (
    <>
      <AsOfLine meta={report.meta} />
      <Downloads
        fetchFile={(fileFormat) => unitFile(report.unit.unitId, { ...params, year: report.year }, fileFormat)}
        baseName={`unit-${report.unit.unitCode}-${report.year}`}
      />
      <h2>{t('dashboard.year', { year: report.year })}</h2>
      <div className="figures">
        <RatioFigure label={t('figures.startedOfPlanned')} ratio={current.inspections.startedOfPlanned} />
        <RatioFigure label={t('figures.closedOfStarted')} ratio={current.inspections.closedOfStarted} />
        <Figure label={t('figures.findingsOpen')}>
          {t('charts.totalOpen', { total: format.number(current.findings.total), open: format.number(current.findings.open) })}
        </Figure>
        <RatioFigure label={t('figures.responsesOnTime')} ratio={current.responses.onTimeRate} />
        <RatioFigure label={t('figures.remediationCompleted')} ratio={current.remediation.completionRate} />
        <Figure label={t('figures.latestRating')}>
          {current.latestRating ? t(`rating.${current.latestRating.rating}`) : t('common:states.none')}
        </Figure>
      </div>

      <h2>{t('unit.history')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('columns.year')}</th>
              <th scope="col">{t('figures.closedOfStarted')}</th>
              <th scope="col">{t('columns.findings')}</th>
              <th scope="col">{t('columns.openFindings')}</th>
              <th scope="col">{t('columns.rating')}</th>
              <th scope="col">{t('figures.responsesOnTime')}</th>
              <th scope="col">{t('figures.remediationCompleted')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((year) => (
              <HistoryRow key={year.year} year={year} />
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('overdue.title')}</h2>
      <OverdueTable items={report.overdue} showUnit={false} />
    </>
  );
}

function HistoryRow({ year }: { year: UnitYear }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const ratio = (r: { numerator: number; denominator: number }) => format.ratio(r.numerator, r.denominator);
  return (
    <tr>
      <th scope="row">{year.year}</th>
      <td>{ratio(year.inspections.closedOfStarted)}</td>
      <td>{format.number(year.findings.total)}</td>
      <td>{format.number(year.findings.open)}</td>
      <td>{year.latestRating ? t(`rating.${year.latestRating.rating}`) : '–'}</td>
      <td>{ratio(year.responses.onTimeRate)}</td>
      <td>{ratio(year.remediation.completionRate)}</td>
    </tr>
  );
}
