import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Inspection } from '../../api/types';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useUser } from '../../session/use-session';
import { DeadlineText } from '../../ui/DeadlineText';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { usePageTitle } from '../../ui/use-page-title';
import { campaignKeys, getCampaign } from '../campaigns/api';
import { useNames } from '../shared/directory';
import { getInspection, inspectionKeys, LIFECYCLE } from './api';
import { ApprovalControls, ConclusionForm, ConclusionView, DissentForm } from './sections/Conclusion';
import { Findings } from './sections/Findings';
import { LifecycleActions } from './sections/Lifecycle';
import { DisputesSection, ExtensionSection, RemediationSection } from './sections/Remediation';
import { ExtensionRequestForm, ResponseForm, ResponseView } from './sections/Response';
import { Timeline } from './sections/Timeline';

export function Stepper({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  const current = LIFECYCLE.indexOf(inspection.status);
  return (
    <ol className="stepper" aria-label={t('stepper')}>
      {LIFECYCLE.map((status, index) => (
        <li key={status} aria-current={status === inspection.status ? 'step' : undefined} className={index < current ? 'done' : undefined}>
          {t(`common:status.${status}`)}
        </li>
      ))}
      {inspection.status === 'cancelled' ? <li aria-current="step">{t('common:status.cancelled')}</li> : null}
    </ol>
  );
}

function Deadlines({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  // A deadline is shown while it runs: the conclusion's while drafting, the response's while it is awaited.
  const conclusion = inspection.status === 'drafting' ? inspection.deadlines.conclusion : undefined;
  const response = inspection.status === 'awaiting_response' ? inspection.deadlines.response : undefined;
  const actions = inspection.deadlines.actions.filter((deadline) => ['open', 'rejected'].includes(inspection.actions.find((action) => action.id === deadline.actionId)?.status ?? ''));
  const rows = [
    ...(conclusion ? [{ key: 'conclusion', label: t('deadlines.conclusion'), ...conclusion }] : []),
    ...(response ? [{ key: 'response', label: t('deadlines.response'), ...response }] : []),
    ...actions.map((deadline) => ({
      key: deadline.actionId,
      label: t('deadlines.action', { requirement: inspection.actions.find((action) => action.id === deadline.actionId)?.requirement ?? '' }),
      ...deadline,
    })),
  ];
  return (
    <section className="panel" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">{t('deadlines.title')}</h2>
      {rows.length === 0 ? <p className="muted">{t('deadlines.none')}</p> : null}
      <ul>
        {rows.map((row) => (
          <li key={row.key}>
            {row.label}: <DeadlineText dueAt={row.dueAt} overdue={row.overdue} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function InspectionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('inspections');
  const user = useUser();
  const names = useNames();
  const query = useQuery({ queryKey: inspectionKeys.one(id), queryFn: () => getInspection(id) });
  const staff = user.role !== 'unit_head';
  const campaignId = query.data?.campaignId ?? '';
  const campaign = useQuery({ queryKey: campaignKeys.one(campaignId), queryFn: () => getCampaign(campaignId), enabled: staff && campaignId !== '' });
  const unitName = query.data ? names.unit(query.data.unitId) : '';
  usePageTitle(query.data ? t('heading', { unit: unitName }) : t('title'));
  if (query.isPending) return <Loading />;
  if (query.error || !query.data) return <ErrorMessage error={query.error} />;
  const inspection = query.data;
  const isLead = user.role === 'lead_inspector' && user.id === inspection.team.leadInspectorId;
  const isTeamInspector = user.role === 'inspector' && inspection.team.inspectorIds.includes(user.id);
  const isHead = user.role === 'unit_head' && user.unitId === inspection.unitId;
  return (
    <article>
      <h1>{t('heading', { unit: unitName })}</h1>
      <Stepper inspection={inspection} />
      <div className="panel">
        {staff ? (
          <p>
            {t('campaign')}: <Link to={`/campaigns/${inspection.campaignId}`}>{campaign.data?.title ?? '…'}</Link>
          </p>
        ) : null}
        {inspection.window ? (
          <p>
            <strong>{t('window')}:</strong> {formatDate(inspection.window.windowStart)} – {formatDate(inspection.window.windowEnd)}
            {inspection.window.missed && inspection.status === 'planned' ? <strong className="flag"> · {t('windowMissed')}</strong> : null}
          </p>
        ) : null}
        {inspection.startedAt ? <p>{t('startedAt', { time: formatDateTime(inspection.startedAt) })}</p> : null}
        {staff ? (
          <p>
            <strong>{t('team')}:</strong> {names.person(inspection.team.leadInspectorId) ?? '…'} ({t('lead')})
            {inspection.team.inspectorIds.map((person) => `, ${names.person(person) ?? '…'}`).join('')}
          </p>
        ) : null}
        {inspection.followUpOf ? (
          <p>
            {t('followUp.of')} <Link to={`/inspections/${inspection.followUpOf}`}>{t('title')}</Link>
          </p>
        ) : null}
        {inspection.cancellation ? <p className="notice">{t('cancel.cancelled', { date: formatDate(inspection.cancellation.at), reason: inspection.cancellation.reason })}</p> : null}
        <LifecycleActions inspection={inspection} />
      </div>
      <Deadlines inspection={inspection} />
      <Findings inspection={inspection} />
      {isLead && inspection.status === 'drafting' ? <ConclusionForm inspection={inspection} /> : null}
      <ConclusionView inspection={inspection} />
      {isTeamInspector && ['drafting', 'awaiting_approval'].includes(inspection.status) ? <DissentForm inspection={inspection} /> : null}
      <ApprovalControls inspection={inspection} />
      <ResponseView inspection={inspection} />
      {isHead && inspection.status === 'awaiting_response' && !inspection.response ? <ResponseForm inspection={inspection} /> : null}
      {isHead && inspection.status === 'awaiting_response' && !inspection.extension ? <ExtensionRequestForm inspection={inspection} /> : null}
      <ExtensionSection inspection={inspection} />
      <DisputesSection inspection={inspection} />
      <RemediationSection inspection={inspection} />
      {inspection.accountabilityCases.length > 0 ? (
        <section className="panel">
          <h2>{t('cases.title')}</h2>
          <ul>
            {inspection.accountabilityCases.map((item) => (
              <li key={item.id}>
                <Link to="/accountability">{t(`accountability:reason.${item.reason}`)}</Link> — {item.status === 'open' ? t('cases.open') : t(`accountability:outcome.${item.outcome ?? 'reminded'}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Timeline inspection={inspection} />
    </article>
  );
}
