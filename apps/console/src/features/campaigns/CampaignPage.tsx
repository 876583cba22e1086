import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Campaign, Inspection } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { useDraft } from '../../session/drafts';
import { useCommand } from '../../session/use-command';
import { useUser } from '../../session/use-session';
import { ErrorMessage, ListState, Loading } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { fieldErrors } from '../../ui/forms';
import { usePageTitle } from '../../ui/use-page-title';
import { useNames, useUnits } from '../shared/directory';
import { addTarget, campaignKeys, getCampaign, listCampaignInspections, progressRatios, reschedule } from './api';
import { CancelCampaign, ChangeTeam, EditDetails, RemoveTarget, useCampaignRights } from './CampaignChanges';

function WindowFields({ formId, onSubmit, submitLabel, pending, error }: { formId: string; onSubmit: (window: { windowStart: string; windowEnd: string }) => void; submitLabel: string; pending: boolean; error: unknown }) {
  const { t } = useTranslation('campaigns');
  const [window, setWindow] = useDraft(formId, { windowStart: '', windowEnd: '' });
  const errors = fieldErrors(error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(window);
      }}
    >
      <div className="filters">
        <Field label={t('form.windowStart')} error={errors('windowStart')}>
          {(props) => <input {...props} type="date" value={window.windowStart} onChange={(event) => setWindow({ ...window, windowStart: event.target.value })} />}
        </Field>
        <Field label={t('form.windowEnd')} error={errors('windowEnd')}>
          {(props) => <input {...props} type="date" value={window.windowEnd} onChange={(event) => setWindow({ ...window, windowEnd: event.target.value })} />}
        </Field>
      </div>
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

function Reschedule({ inspection, unitName }: { inspection: Inspection; unitName: string }) {
  const { t } = useTranslation('campaigns');
  const [open, setOpen] = useState(false);
  const command = useCommand((window: { windowStart: string; windowEnd: string }, key: string) => reschedule(inspection.id, window, key), {
    invalidate: [['campaigns'], ['inspections']],
    onSuccess: () => setOpen(false),
  });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('detail.reschedule')}
      </button>
    );
  }
  return (
    <div className="panel">
      <h3>{t('detail.rescheduleFor', { unit: unitName })}</h3>
      <WindowFields formId={`reschedule-${inspection.id}`} submitLabel={t('detail.reschedule')} pending={command.isPending} error={command.error} onSubmit={(window) => command.mutate(window)} />
    </div>
  );
}

function AddTarget({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation('campaigns');
  const units = useUnits();
  const [unitId, setUnitId] = useDraft('add-target-unit', '');
  const command = useCommand((target: { unitId: string; windowStart: string; windowEnd: string }, key: string) => addTarget(campaignId, target, key), {
    invalidate: [['campaigns'], ['inspections']],
    onSuccess: () => setUnitId(''),
  });
  return (
    <section className="panel">
      <h2>{t('detail.addTarget')}</h2>
      <Field label={t('form.unit')} error={fieldErrors(command.error)('unitId')}>
        {(props) => (
          <select {...props} value={unitId} onChange={(event) => setUnitId(event.target.value)}>
            <option value="">{t('form.chooseUnit')}</option>
            {(units.data ?? []).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <WindowFields formId="add-target-window" submitLabel={t('detail.addTarget')} pending={command.isPending} error={command.error} onSubmit={(window) => command.mutate({ unitId, ...window })} />
    </section>
  );
}

/** The controls for changing a campaign, as far as the caller may; nothing for anyone else. */
function CampaignChangeBar({ campaign }: { campaign: Campaign }) {
  const rights = useCampaignRights(campaign);
  if (!rights.details && !rights.team && !rights.cancel) return null;
  return (
    <div className="button-row change-row">
      {rights.details ? <EditDetails campaign={campaign} /> : null}
      {rights.team ? <ChangeTeam campaign={campaign} /> : null}
      {rights.cancel ? <CancelCampaign campaign={campaign} /> : null}
    </div>
  );
}

export default function CampaignPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('campaigns');
  const format = useFormat();
  const user = useUser();
  const names = useNames();
  const campaign = useQuery({ queryKey: campaignKeys.one(id), queryFn: () => getCampaign(id) });
  const inspections = useQuery({ queryKey: ['inspections', { campaignId: id }], queryFn: () => listCampaignInspections(id) });
  usePageTitle(campaign.data?.title ?? t('title'));
  if (campaign.isPending) return <Loading />;
  if (campaign.error || !campaign.data) return <ErrorMessage error={campaign.error} />;
  const data = campaign.data;
  const ratios = progressRatios(data.progress);
  const isLead = user.role === 'lead_inspector' && user.id === data.leadInspectorId;
  const canRemoveTargets = isLead && data.status !== 'cancelled';
  const inspectionOf = (inspectionId: string) => inspections.data?.find((inspection) => inspection.id === inspectionId);
  return (
    <section>
      <h1>{data.title}</h1>
      {data.cancellation ? <p className="notice">{t('change.cancelled', { date: format.date(data.cancellation.at), reason: data.cancellation.reason })}</p> : null}
      <CampaignChangeBar key={`${data.title}|${data.legalBasis}|${data.leadInspectorId}|${data.inspectorIds.join()}`} campaign={data} />
      <div className="panel">
        <p>
          <strong>{t('detail.legalBasis')}:</strong> {data.legalBasis}
        </p>
        <p>
          <strong>{t('detail.team')}:</strong> {[data.leadInspectorId, ...data.inspectorIds].map((person) => names.person(person) ?? '…').join(', ')}
        </p>
        <h2>{t('detail.progress')}</h2>
        <p>{t('detail.started', { ratio: format.ratio(...ratios.started) })}</p>
        <p>{t('detail.closed', { ratio: format.ratio(...ratios.closed) })}</p>
      </div>
      <h2>{t('detail.targets')}</h2>
      <ListState query={{ ...campaign, data: data.targets }} empty={t('detail.noTargets')}>
        {(targets) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('detail.unit')}</th>
                  <th scope="col">{t('detail.status')}</th>
                  <th scope="col">{t('detail.window')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('detail.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {targets.map((target) => {
                  const inspection = inspectionOf(target.inspectionId);
                  const missed = Boolean(inspection?.window?.missed) && inspection?.status === 'planned';
                  return (
                    <tr key={target.inspectionId}>
                      <td>{names.unit(target.unitId)}</td>
                      <td>
                        {t(`common:status.${target.status}`)}
                        {target.removed ? <span className="muted"> · {t('change.removed')}</span> : null}
                      </td>
                      <td>
                        {target.windowStart ? `${format.date(target.windowStart)} – ${format.date(target.windowEnd)}` : ''}
                        {missed ? <strong className="flag"> · {t('detail.missed')}</strong> : null}
                        {missed && isLead && inspection ? <Reschedule inspection={inspection} unitName={names.unit(target.unitId)} /> : null}
                        {canRemoveTargets && target.status === 'planned' ? <RemoveTarget campaignId={data.id} inspectionId={target.inspectionId} unitName={names.unit(target.unitId)} /> : null}
                      </td>
                      <td>
                        <Link to={`/inspections/${target.inspectionId}`} aria-label={`${t('detail.open')}: ${names.unit(target.unitId)}`}>
                          {t('detail.open')}
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </ListState>
      {isLead && data.status === 'active' ? <AddTarget campaignId={data.id} /> : null}
    </section>
  );
}
