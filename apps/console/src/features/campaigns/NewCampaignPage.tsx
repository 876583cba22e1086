import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDraft } from '../../session/drafts';
import { useCommand } from '../../session/use-command';
import { useUser } from '../../session/use-session';
import { ErrorMessage } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { fieldErrors } from '../../ui/forms';
import { usePageTitle } from '../../ui/use-page-title';
import { checklistKeys, listTemplates } from '../checklists/api';
import { usePeople, useUnits } from '../shared/directory';
import { TeamFields } from './TeamFields';
import { campaignKeys, createCampaign, deadlineSpec, type NewCampaign } from './api';

const DEADLINES = ['conclusionDeadline', 'responseDeadline', 'remediationMaxDeadline', 'verificationDeadline'] as const;

interface Draft {
  title: string;
  year: string;
  legalBasis: string;
  leadInspectorId: string;
  inspectorIds: string[];
  targets: { unitId: string; windowStart: string; windowEnd: string }[];
  policy: Record<(typeof DEADLINES)[number], string>;
  /** '' until the lead picks one: the newest is sent. */
  checklistVersion: string;
}

export default function NewCampaignPage() {
  const { t } = useTranslation('campaigns');
  const user = useUser();
  const navigate = useNavigate();
  usePageTitle(t('form.heading'));
  const units = useUnits();
  const leads = usePeople('lead_inspector');
  const inspectors = usePeople('inspector');
  const [draft, setDraft, clearDraft] = useDraft<Draft>('new-campaign', {
    title: '',
    year: String(new Date().getFullYear()),
    legalBasis: '',
    leadInspectorId: user.id,
    inspectorIds: [],
    targets: [{ unitId: '', windowStart: '', windowEnd: '' }],
    policy: { conclusionDeadline: '', responseDeadline: '', remediationMaxDeadline: '', verificationDeadline: '' },
    checklistVersion: '',
  });
  const templates = useQuery({ queryKey: checklistKeys.templates, queryFn: listTemplates });
  const versions = (templates.data ?? []).flatMap((template) => template.versions);
  const checklistVersion = draft.checklistVersion || versions.find((version) => version.newest)?.version || '';
  const create = useCommand((body: NewCampaign, key: string) => createCampaign(body, key), {
    invalidate: [[...campaignKeys.all]],
    onSuccess: (campaign) => {
      clearDraft();
      void navigate(`/campaigns/${campaign.id}`);
    },
  });
  const error = fieldErrors(create.error);
  const update = (patch: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const updateTarget = (index: number, patch: Partial<Draft['targets'][number]>) =>
    setDraft((previous) => ({ ...previous, targets: previous.targets.map((target, at) => (at === index ? { ...target, ...patch } : target)) }));

  const submit = () => {
    const policy = Object.fromEntries(DEADLINES.flatMap((name) => (deadlineSpec(draft.policy[name]) ? [[name, deadlineSpec(draft.policy[name])]] : [])));
    create.mutate({
      title: draft.title,
      year: Number(draft.year),
      legalBasis: draft.legalBasis,
      leadInspectorId: draft.leadInspectorId,
      inspectorIds: draft.inspectorIds,
      targets: draft.targets,
      ...(checklistVersion ? { checklistVersion } : {}),
      // The OpenAPI document types the policy as a free object (the domain validates it and names the wrong field).
      ...(Object.keys(policy).length > 0 ? { policy: policy as NewCampaign['policy'] } : {}),
    });
  };
  const leadChoices = leads.data ?? [user];

  return (
    <section>
      <h1>{t('form.heading')}</h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="panel">
          <Field label={t('form.title')} error={error('title')}>
            {(props) => <input {...props} value={draft.title} onChange={(event) => update({ title: event.target.value })} size={60} />}
          </Field>
          <Field label={t('form.year')} error={error('year')}>
            {(props) => <input {...props} inputMode="numeric" value={draft.year} onChange={(event) => update({ year: event.target.value })} size={6} />}
          </Field>
          <Field label={t('form.legalBasis')} error={error('legalBasis')}>
            {(props) => <textarea {...props} value={draft.legalBasis} onChange={(event) => update({ legalBasis: event.target.value })} />}
          </Field>
        </div>
        <div className="panel">
          <Field label={t('form.checklist')} hint={t('form.checklistHint')} error={error('checklistVersion')}>
            {(props) => (
              <select {...props} value={checklistVersion} onChange={(event) => update({ checklistVersion: event.target.value })}>
                {versions.map((version) => (
                  <option key={version.version} value={version.version}>
                    {version.newest ? t('form.checklistNewest', { version: version.version, title: version.title }) : t('form.checklistOption', { version: version.version, title: version.title })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset>
          <legend>{t('form.team')}</legend>
          <TeamFields team={draft} leads={leadChoices} inspectors={inspectors.data ?? []} error={error} onChange={update} />
        </fieldset>
        <fieldset>
          <legend>{t('form.targets')}</legend>
          <p className="hint">{t('form.targetsHint')}</p>
          {error('targets') ? <p className="field-error">{error('targets')}</p> : null}
          {draft.targets.map((target, index) => (
            <fieldset key={index} className="target">
              <legend>{t('form.target', { number: index + 1 })}</legend>
              <Field label={t('form.unit')} error={error(`targets.${index}.unitId`)}>
                {(props) => (
                  <select {...props} value={target.unitId} onChange={(event) => updateTarget(index, { unitId: event.target.value })}>
                    <option value="">{t('form.chooseUnit')}</option>
                    {(units.data ?? []).map((unit) => (
                      <option key={unit.id} value={unit.id}>
                        {unit.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div className="filters">
                <Field label={t('form.windowStart')} error={error(`targets.${index}.windowStart`)}>
                  {(props) => <input {...props} type="date" value={target.windowStart} onChange={(event) => updateTarget(index, { windowStart: event.target.value })} />}
                </Field>
                <Field label={t('form.windowEnd')} error={error(`targets.${index}.windowEnd`)}>
                  {(props) => <input {...props} type="date" value={target.windowEnd} onChange={(event) => updateTarget(index, { windowEnd: event.target.value })} />}
                </Field>
              </div>
              {draft.targets.length > 1 ? (
                <button type="button" className="danger" onClick={() => update({ targets: draft.targets.filter((_, at) => at !== index) })}>
                  {t('form.removeTarget', { number: index + 1 })}
                </button>
              ) : null}
            </fieldset>
          ))}
          <button type="button" onClick={() => update({ targets: [...draft.targets, { unitId: '', windowStart: '', windowEnd: '' }] })}>
            {t('form.addTarget')}
          </button>
        </fieldset>
        <fieldset>
          <legend>{t('form.policy')}</legend>
          <p className="hint">{t('form.policyHint')}</p>
          {DEADLINES.map((name) => (
            <Field key={name} label={t(`form.${name}`)} error={error(`policy.${name}`)}>
              {(props) => <input {...props} value={draft.policy[name]} onChange={(event) => update({ policy: { ...draft.policy, [name]: event.target.value } })} size={10} />}
            </Field>
          ))}
        </fieldset>
        <ErrorMessage error={create.error} />
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('form.submit')}
        </button>
      </form>
    </section>
  );
}
