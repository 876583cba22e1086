import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OverdueReport } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { usePageTitle } from '../../ui/use-page-title';
import { AsOfLine, AsOfPicker } from './AsOfPicker';
import { Downloads } from './Downloads';
import { Figure, OverdueTable } from './Figures';
import { useReportParams, type ReportParams } from './report-params';
import { getOverdueReport, overdueFile, reportKeys } from './reports-api';
import { ReportsNav } from './ReportsNav';
import { ReportState } from './ReportScreen';

/** Everything overdue, oldest deadline first; every year unless one is chosen. */
export default function OverduePage() {
  const { t } = useTranslation('reports');
  usePageTitle(t('overdue.pageTitle'));
  const [params, setParams] = useReportParams();
  const report = useQuery({ queryKey: reportKeys.overdue(params), queryFn: () => getOverdueReport(params) });
  return (
    <section className="report">
      <h1>{t('overdue.pageTitle')}</h1>
      <ReportsNav />
      <AsOfPicker key={`${params.asOf ?? ''}-${params.year ?? ''}`} params={params} onChange={setParams} withYear />
      <ReportState query={report}>{(data) => <Overdue report={data} params={params} />}</ReportState>
    </section>
  );
}

function Overdue({ report, params }: { report: OverdueReport; params: ReportParams }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  return (
    <>
      <p className="muted">{report.year === null ? t('overdue.everyYear') : t('dashboard.year', { year: report.year })}</p>
      <AsOfLine meta={report.meta} />
      <Downloads
        fetchFile={(fileFormat) => overdueFile(params, fileFormat)}
        baseName={report.year === null ? 'overdue' : `overdue-${report.year}`}
      />
      <div className="figures">
        <Figure label={t('overdue.total')} tone={report.total > 0 ? 'danger' : undefined}>
          {format.number(report.total)}
        </Figure>
        {(['conclusion', 'response', 'action'] as const).map((kind) => (
          <Figure key={kind} label={t(`overdueKind.${kind}`)}>
            {format.number(report.byKind[kind])}
          </Figure>
        ))}
      </div>
      <OverdueTable items={report.items} />
    </>
  );
}
