import { useTranslation } from 'react-i18next';
import type { Finding, Inspection } from '../../../api/types';
import { formatDateTime } from '../../../i18n/format';
import { useErrorText } from '../../../ui/feedback';
import { useChecklist } from '../../shared/checklist';
import { useNames } from '../../shared/directory';
import { openProtectedFile } from '../api';

export function EvidenceList({ evidence }: { evidence: Finding['evidence'] }) {
  const { t } = useTranslation('inspections');
  const errorText = useErrorText();
  if (evidence.length === 0) return null;
  return (
    <ul className="evidence">
      {evidence.map((item, index) =>
        item.attachmentId ? (
          <li key={index}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                openProtectedFile(`/api/v1/attachments/${item.attachmentId}`, `evidence-${index + 1}`).catch((error: unknown) => window.alert(errorText(error)));
              }}
            >
              {t('actions.openFile')} {index + 1}
            </button>
          </li>
        ) : (
          <li key={index}>{item.text}</li>
        ),
      )}
    </ul>
  );
}

export function FindingSummary({ inspection, finding }: { inspection: Inspection; finding: Finding }) {
  const { name: criterionName } = useChecklist(inspection.checklistVersion);
  const { t, i18n } = useTranslation('inspections');
  const names = useNames();
  return (
    <>
      <h3>{criterionName(finding.criterionCode, i18n.language)}</h3>
      <p>
        <strong>{t('findings.severity')}:</strong> {t(`common:severity.${finding.severity}`)}
      </p>
      <p className="prewrap">{finding.description}</p>
      <EvidenceList evidence={finding.evidence} />
      <p className="muted">{t('findings.author', { name: names.person(finding.authorId) ?? t('common:roles.inspector'), time: formatDateTime(finding.recordedAt) })}</p>
      {finding.withdrawal ? <p className="muted">{t('findings.withdrawn', { reason: finding.withdrawal.reason })}</p> : null}
      {finding.response ? <p>{t('findings.response', { position: t(`findings.${finding.response.position}`) })}</p> : null}
      {finding.dispute ? (
        <p>
          {t('findings.dispute', { explanation: finding.dispute.explanation })} — <strong>{t(`findings.disputeStatus.${finding.dispute.status}`)}</strong>
          {finding.dispute.note ? ` (${finding.dispute.note})` : ''}
        </p>
      ) : null}
    </>
  );
}

export function Findings({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  return (
    <section className="panel" aria-labelledby="findings-title">
      <h2 id="findings-title">{t('findings.title')}</h2>
      {inspection.findings.length === 0 ? <p className="muted">{t('findings.none')}</p> : null}
      <ol className="findings">
        {inspection.findings.map((finding) => (
          <li key={finding.id} className={finding.status === 'withdrawn' ? 'withdrawn' : ''}>
            <FindingSummary inspection={inspection} finding={finding} />
          </li>
        ))}
      </ol>
    </section>
  );
}
