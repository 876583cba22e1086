import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CampaignReport } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { saveResponse } from '../../ui/download';
import { ErrorMessage } from '../../ui/feedback';
import { usePageTitle } from '../../ui/use-page-title';
import { AsOfLine, AsOfPicker } from './AsOfPicker';
import { Downloads } from './Downloads';
import { OverdueTable, RatioFigure } from './Figures';
import { useReportParams, type ReportParams } from './report-params';
import { campaignFile, conclusionPdf, getCampaignReport, reportKeys } from './reports-api';
import { ReportsNav } from './ReportsNav';
import { ReportState } from './ReportScreen';

type UnitLine = CampaignReport['units'][number];

/** A campaign's results, with the summary that reads like the district's yearly report (in Vietnamese). */
export default function CampaignReportPage() {
  const { t } = useTranslation('reports');
  const { id = '' } = useParams();
  const [params, setParams] = useReportParams();
  const report = useQuery({ queryKey: reportKeys.campaign(id, params), queryFn: () => getCampaignReport(id, params) });
  const title = report.data ? report.data.campaign.title : t('campaign.titleLoading');
  usePageTitle(title);
  return (
    <section className="report">
      <h1>{title}</h1>
      <ReportsNav />
      <AsOfPicker key={params.asOf ?? ''} params={params} onChange={(next) => setParams({ ...(next.asOf ? { asOf: next.asOf } : {}) })} />
      <ReportState query={report}>{(data) => <Campaign report={data} params={params} />}</ReportState>
    </section>
  );
}

function Campaign({ report, params }: { report: CampaignReport; params: ReportParams }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const { campaign } = report;
  return (
    <>
      <p className="muted">
        {campaign.legalBasis} · {t(`campaign.status.${campaign.status}`)}
      </p>
      <AsOfLine meta={report.meta} />
      <Downloads fetchFile={(fileFormat) => campaignFile(campaign.id, params, fileFormat)} baseName={`campaign-${campaign.year}`} />
      <h2>{t('campaign.summary')}</h2>
      <div className="panel narrative" lang="vi">
        {report.narrative.sentences.map((sentence, index) => (
          <p key={index}>{sentence}</p>
        ))}
      </div>
      <div className="figures">
        <RatioFigure label={t('figures.startedOfPlanned')} ratio={report.inspections.startedOfPlanned} />
        <RatioFigure label={t('figures.closedOfStarted')} ratio={report.inspections.closedOfStarted} />
        <RatioFigure label={t('figures.approvedOfVisitsEnded')} ratio={report.conclusions.approvedOfVisitsEnded} />
        <RatioFigure label={t('figures.responsesOnTime')} ratio={report.responses.onTimeRate} />
        <RatioFigure label={t('figures.remediationCompleted')} ratio={report.remediation.completionRate} />
      </div>
      <h2>{t('campaign.units')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('columns.unit')}</th>
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.findings')}</th>
              <th scope="col">{t('columns.rating')}</th>
              <th scope="col">{t('columns.response')}</th>
              <th scope="col">{t('columns.actions')}</th>
              <th scope="col">{t('columns.conclusion')}</th>
            </tr>
          </thead>
          <tbody>
            {report.units.map((line) => (
              <tr key={line.inspectionId}>
                <td>
                  <Link to={`/inspections/${line.inspectionId}`}>{line.unitName}</Link>
                  {line.followUpOf ? <span className="muted"> · {t('campaign.followUp')}</span> : null}
                </td>
                <td>{t(`common:status.${line.status}`)}</td>
                <td>{t('charts.totalOpen', { total: format.number(line.findings), open: format.number(line.openFindings) })}</td>
                <td>{line.rating ? t(`rating.${line.rating}`) : '–'}</td>
                <td>
                  {line.responseSubmittedAt
                    ? t(line.responseOnTime ? 'campaign.onTime' : 'campaign.late', { date: format.date(line.responseSubmittedAt) })
                    : '–'}
                </td>
                <td>
                  {line.actions > 0
                    ? t('campaign.actions', { verified: format.number(line.actionsVerified), total: format.number(line.actions) })
                    : '–'}
                  {line.actionsOverdue > 0 ? (
                    <strong className="flag"> · {t('campaign.actionsOverdue', { count: line.actionsOverdue })}</strong>
                  ) : null}
                </td>
                <td>{line.approvedAt ? <PdfButton line={line} /> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('overdue.title')}</h2>
      <OverdueTable items={report.overdue} />
    </>
  );
}

/** Tải PDF: the approved conclusion as the printable document, fetched with the session's token. */
function PdfButton({ line }: { line: UnitLine }) {
  const { t } = useTranslation('reports');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <>
      <button
        type="button"
        className="link-button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          void conclusionPdf(line.inspectionId)
            .then((answer) => saveResponse(answer, `ket-luan-${line.unitCode}.pdf`))
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        {/* The accessible name starts with the visible words, then says whose conclusion it is. */}
        {t('download.pdf')}
        <span className="sr-only"> {t('download.pdfOf', { unit: line.unitName })}</span>
      </button>
      <ErrorMessage error={error} />
    </>
  );
}
