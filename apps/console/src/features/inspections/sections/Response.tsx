import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../api/types';
import { formatDate, formatDateTime, todayInVietnam } from '../../../i18n/format';
import { useDraft } from '../../../session/drafts';
import { ErrorMessage } from '../../../ui/feedback';
import { Field } from '../../../ui/Field';
import { fieldErrors } from '../../../ui/forms';
import { useChecklist } from '../../shared/checklist';
import { commands, type ResponseItem } from '../api';
import { useInspectionCommand } from '../use-inspection-command';

export function ResponseView({ inspection }: { inspection: Inspection }) {
  const { name: criterionName } = useChecklist(inspection.checklistVersion);
  const { t, i18n } = useTranslation('inspections');
  const response = inspection.response;
  if (!response) return null;
  return (
    <section className="panel" aria-labelledby="response-title">
      <h2 id="response-title">{t('response.title')}</h2>
      <p>
        {t('response.submittedAt', { time: formatDateTime(response.submittedAt) })}
        {response.late ? <strong className="flag"> · {t('response.late')}</strong> : null}
      </p>
      <ul>
        {response.items.map((item) => {
          const finding = inspection.findings.find((candidate) => candidate.id === item.findingId);
          return (
            <li key={item.findingId}>
              <strong>{finding ? criterionName(finding.criterionCode, i18n.language) : item.findingId}</strong>:{' '}
              {t(item.position === 'accepted' ? 'actions.accept' : 'actions.dispute')}
              {item.explanation ? ` — ${item.explanation}` : ''}
              {item.plan ? ` — ${item.plan.owner}, ${formatDate(item.plan.dueDate)}` : ''}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

type ItemDraft = { position: 'accepted' | 'disputed' | ''; explanation: string; owner: string; dueDate: string };

/** The unit head's answer to each finding of the approved conclusion: accept with a plan, or dispute with an explanation. */
export function ResponseForm({ inspection }: { inspection: Inspection }) {
  const { name: criterionName } = useChecklist(inspection.checklistVersion);
  const { t, i18n } = useTranslation('inspections');
  const findings = inspection.findings.filter((finding) => finding.status === 'open');
  const required = (findingId: string) => inspection.conclusion?.actions.find((action) => action.findingId === findingId);
  const [draft, setDraft, clear] = useDraft<Record<string, ItemDraft>>(
    'response',
    Object.fromEntries(findings.map((finding) => [finding.id, { position: '', explanation: '', owner: '', dueDate: '' }])),
  );
  const command = useInspectionCommand(inspection.id, (body: { items: ResponseItem[] }, key: string) => commands.respond(inspection.id, body, key), clear);
  const errors = fieldErrors(command.error);
  const items = findings.filter((finding) => draft[finding.id]?.position);
  const set = (findingId: string, patch: Partial<ItemDraft>) => setDraft((current) => ({ ...current, [findingId]: { ...(current[findingId] ?? { position: '', explanation: '', owner: '', dueDate: '' }), ...patch } }));
  const submit = () =>
    command.mutate({
      items: items.map((finding) => {
        const item = draft[finding.id];
        const position = item.position as 'accepted' | 'disputed';
        return {
          findingId: finding.id,
          position,
          explanation: item.explanation,
          ...(position === 'accepted' && required(finding.id) ? { plan: { owner: item.owner, dueDate: item.dueDate } } : {}),
        };
      }),
    });
  return (
    <section className="panel" aria-labelledby="respond-title">
      <h2 id="respond-title">{t('response.formHeading')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {errors('items') ? <p className="field-error">{errors('items')}</p> : null}
        {findings.map((finding) => {
          const item = draft[finding.id] ?? { position: '', explanation: '', owner: '', dueDate: '' };
          const index = items.indexOf(finding);
          const action = required(finding.id);
          const name = criterionName(finding.criterionCode, i18n.language);
          return (
            <fieldset key={finding.id}>
              <legend>{t('response.position', { criterion: name })}</legend>
              <p className="prewrap">{finding.description}</p>
              {action ? (
                <p>
                  <strong>{t('conclusion.requiredActions')}:</strong> {action.requirement} — {formatDate(action.dueDate)}
                </p>
              ) : (
                <p className="muted">{t('conclusion.noAction')}</p>
              )}
              <div className="radios">
                <label className="check">
                  <input type="radio" name={`position-${finding.id}`} checked={item.position === 'accepted'} onChange={() => set(finding.id, { position: 'accepted' })} /> {t('actions.accept')}
                </label>
                <label className="check">
                  <input type="radio" name={`position-${finding.id}`} checked={item.position === 'disputed'} onChange={() => set(finding.id, { position: 'disputed' })} /> {t('actions.dispute')}
                </label>
              </div>
              {item.position ? (
                <Field label={`${t('response.explanation')} (${finding.criterionCode})`} error={errors(`items.${index}.explanation`)}>
                  {(props) => <textarea {...props} value={item.explanation} onChange={(event) => set(finding.id, { explanation: event.target.value })} />}
                </Field>
              ) : null}
              {item.position === 'accepted' && action ? (
                <>
                  <Field label={`${t('response.owner')} (${finding.criterionCode})`} error={errors(`items.${index}.plan.owner`) ?? errors(`items.${index}.plan`)}>
                    {(props) => <input {...props} value={item.owner} onChange={(event) => set(finding.id, { owner: event.target.value })} />}
                  </Field>
                  <Field label={`${t('response.planDue', { date: formatDate(action.dueDate) })} (${finding.criterionCode})`} error={errors(`items.${index}.plan.dueDate`)}>
                    {(props) => <input {...props} type="date" min={todayInVietnam()} max={action.dueDate} value={item.dueDate} onChange={(event) => set(finding.id, { dueDate: event.target.value })} />}
                  </Field>
                </>
              ) : null}
            </fieldset>
          );
        })}
        <ErrorMessage error={command.error} />
        <button type="submit" className="primary" disabled={command.isPending}>
          {t('actions.submitResponse')}
        </button>
      </form>
    </section>
  );
}

/** One extension request per inspection, while the response is due. */
export function ExtensionRequestForm({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  const [draft, setDraft, clear] = useDraft('extension-request', { reason: '', requestedDeadline: '' });
  const command = useInspectionCommand(inspection.id, (body: typeof draft, key: string) => commands.requestExtension(inspection.id, body, key), clear);
  const errors = fieldErrors(command.error);
  return (
    <section className="panel" aria-labelledby="extension-title">
      <h2 id="extension-title">{t('actions.requestExtension')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          command.mutate(draft);
        }}
      >
        <Field label={t('extension.reason')} error={errors('reason')}>
          {(props) => <textarea {...props} value={draft.reason} onChange={(event) => setDraft({ ...draft, reason: event.target.value })} />}
        </Field>
        <Field label={t('extension.requestedDeadline')} error={errors('requestedDeadline')}>
          {(props) => <input {...props} type="date" min={todayInVietnam()} value={draft.requestedDeadline} onChange={(event) => setDraft({ ...draft, requestedDeadline: event.target.value })} />}
        </Field>
        <ErrorMessage error={command.error} />
        <button type="submit" className="primary" disabled={command.isPending}>
          {t('actions.requestExtension')}
        </button>
      </form>
    </section>
  );
}
