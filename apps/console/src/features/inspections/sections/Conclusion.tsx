import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../api/types';
import { formatDate, formatDateTime, todayInVietnam } from '../../../i18n/format';
import { useDraft } from '../../../session/drafts';
import { useUser } from '../../../session/use-session';
import { ErrorMessage, useErrorText } from '../../../ui/feedback';
import { Field } from '../../../ui/Field';
import { fieldErrors } from '../../../ui/forms';
import { TextCommand } from '../../../ui/TextCommand';
import { useChecklist } from '../../shared/checklist';
import { useNames } from '../../shared/directory';
import { commands, openProtectedFile, type SubmitConclusion } from '../api';
import { useInspectionCommand } from '../use-inspection-command';

export function ConclusionView({ inspection }: { inspection: Inspection }) {
  const { name: criterionName } = useChecklist(inspection.checklistVersion);
  const { t, i18n } = useTranslation('inspections');
  const names = useNames();
  const errorText = useErrorText();
  const conclusion = inspection.conclusion;
  const dissents = inspection.dissents ?? conclusion?.dissents ?? [];
  return (
    <section className="panel" aria-labelledby="conclusion-title">
      <h2 id="conclusion-title">{t('conclusion.title')}</h2>
      {!conclusion ? (
        <p className="muted">{t('conclusion.none')}</p>
      ) : (
        <>
          <p>
            <strong>{t(`conclusion.status.${conclusion.status}`)}</strong>
            {conclusion.approval ? ` · ${t('conclusion.approvedAt', { date: formatDate(conclusion.approval.approvedAt) })}` : ''}
          </p>
          <p>
            <strong>{t('conclusion.rating')}:</strong> {t(`conclusion.ratings.${conclusion.rating}`)}
          </p>
          <p className="prewrap">{conclusion.summary}</p>
          {conclusion.actions.length > 0 ? (
            <>
              <h3>{t('conclusion.requiredActions')}</h3>
              <ul>
                {conclusion.actions.map((action) => {
                  const finding = inspection.findings.find((item) => item.id === action.findingId);
                  return (
                    <li key={action.findingId}>
                      {finding ? `${criterionName(finding.criterionCode, i18n.language)}: ` : ''}
                      {action.requirement} — {t('conclusion.dueDate')}: {formatDate(action.dueDate)}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
          {conclusion.contentHash ? (
            <p>
              <strong>{t('conclusion.contentHash')}:</strong> <code className="hash">{conclusion.contentHash}</code>
            </p>
          ) : null}
          {(conclusion.returns ?? []).map((returned, index) => (
            <p key={index} className="notice">
              {t('conclusion.returnedWith', { date: formatDate(returned.at), comment: returned.comment })}
            </p>
          ))}
          <button
            type="button"
            onClick={() => {
              openProtectedFile(`/api/v1/inspections/${inspection.id}/conclusion.pdf`, `ket-luan-${inspection.id}.pdf`, true).catch((error: unknown) => window.alert(errorText(error)));
            }}
          >
            {t('actions.pdf')}
          </button>
        </>
      )}
      <h3>{t('conclusion.dissents')}</h3>
      {dissents.length === 0 ? <p className="muted">{t('conclusion.noDissents')}</p> : null}
      <ul>
        {dissents.map((dissent, index) => (
          <li key={index}>
            <strong>{names.person(dissent.authorId) ?? t('common:roles.inspector')}</strong> ({formatDateTime(dissent.recordedAt)}): {dissent.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface ConclusionDraft {
  summary: string;
  rating: SubmitConclusion['rating'] | '';
  actions: Record<string, { needed: boolean; requirement: string; dueDate: string }>;
}

/** The lead's draft: summary, rating, and per finding whether an action is required, what and by when. */
export function ConclusionForm({ inspection }: { inspection: Inspection }) {
  const { name: criterionName } = useChecklist(inspection.checklistVersion);
  const { t, i18n } = useTranslation('inspections');
  const previous = inspection.conclusion;
  const openFindings = inspection.findings.filter((finding) => finding.status === 'open');
  const [draft, setDraft, clear] = useDraft<ConclusionDraft>('conclusion', {
    summary: previous?.summary ?? '',
    rating: previous?.rating ?? '',
    actions: Object.fromEntries(
      openFindings.map((finding) => {
        const action = previous?.actions.find((item) => item.findingId === finding.id);
        return [finding.id, { needed: Boolean(action) || !previous, requirement: action?.requirement ?? '', dueDate: action?.dueDate ?? '' }];
      }),
    ),
  });
  const command = useInspectionCommand(inspection.id, (body: SubmitConclusion, key: string) => commands.submitConclusion(inspection.id, body, key), clear);
  const errors = fieldErrors(command.error);
  const chosen = openFindings.filter((finding) => draft.actions[finding.id]?.needed);
  const submit = () =>
    command.mutate({
      summary: draft.summary,
      rating: draft.rating as SubmitConclusion['rating'],
      actions: chosen.map((finding) => ({ findingId: finding.id, requirement: draft.actions[finding.id].requirement, dueDate: draft.actions[finding.id].dueDate })),
    });
  const setAction = (findingId: string, patch: Partial<ConclusionDraft['actions'][string]>) =>
    setDraft((current) => ({ ...current, actions: { ...current.actions, [findingId]: { ...(current.actions[findingId] ?? { needed: false, requirement: '', dueDate: '' }), ...patch } } }));
  return (
    <section className="panel" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('conclusion.draftHeading')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label={t('conclusion.summary')} error={errors('summary')}>
          {(props) => <textarea {...props} value={draft.summary} onChange={(event) => setDraft({ ...draft, summary: event.target.value })} />}
        </Field>
        <Field label={t('conclusion.rating')} error={errors('rating')}>
          {(props) => (
            <select {...props} value={draft.rating} onChange={(event) => setDraft({ ...draft, rating: event.target.value as ConclusionDraft['rating'] })}>
              <option value="" />
              {(['good', 'fair', 'poor'] as const).map((rating) => (
                <option key={rating} value={rating}>
                  {t(`conclusion.ratings.${rating}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {openFindings.map((finding) => {
          const index = chosen.indexOf(finding);
          const name = criterionName(finding.criterionCode, i18n.language);
          const action = draft.actions[finding.id] ?? { needed: false, requirement: '', dueDate: '' };
          return (
            <fieldset key={finding.id}>
              <legend>{name}</legend>
              <p className="muted prewrap">{finding.description}</p>
              <label className="check">
                <input type="checkbox" checked={action.needed} onChange={(event) => setAction(finding.id, { needed: event.target.checked })} /> {t('conclusion.needsAction')}
              </label>
              {action.needed ? (
                <>
                  <Field label={t('conclusion.requirement', { criterion: finding.criterionCode })} error={errors(`actions.${index}.requirement`)}>
                    {(props) => <textarea {...props} value={action.requirement} onChange={(event) => setAction(finding.id, { requirement: event.target.value })} />}
                  </Field>
                  <Field label={`${t('conclusion.dueDate')} (${finding.criterionCode})`} error={errors(`actions.${index}.dueDate`)}>
                    {(props) => <input {...props} type="date" min={todayInVietnam()} value={action.dueDate} onChange={(event) => setAction(finding.id, { dueDate: event.target.value })} />}
                  </Field>
                </>
              ) : null}
            </fieldset>
          );
        })}
        <ErrorMessage error={command.error} />
        <button type="submit" className="primary" disabled={command.isPending}>
          {t('actions.submitConclusion')}
        </button>
      </form>
    </section>
  );
}

export function DissentForm({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  const command = useInspectionCommand(inspection.id, (text: string, key: string) => commands.dissent(inspection.id, text, key));
  return (
    <section className="panel">
      <h2>{t('actions.dissent')}</h2>
      <TextCommand formId="dissent" label={t('conclusion.dissentText')} field="text" command={command} buttons={[{ label: t('actions.dissent'), send: (text) => command.mutateAsync(text) }]} />
    </section>
  );
}

/** The chairman's decision on a submitted conclusion: approve it (with the hash of what was read) or return it with a comment. */
export function ApprovalControls({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  const user = useUser();
  const approve = useInspectionCommand(inspection.id, (_: undefined, key: string) => commands.approve(inspection.id, inspection.conclusion?.contentHash, key));
  const giveBack = useInspectionCommand(inspection.id, (comment: string, key: string) => commands.returnConclusion(inspection.id, comment, key));
  if (user.role !== 'chairman' || inspection.status !== 'awaiting_approval') return null;
  return (
    <div className="panel">
      <div className="button-row">
        <button type="button" className="primary" disabled={approve.isPending} onClick={() => approve.mutate(undefined)}>
          {t('actions.approve')}
        </button>
      </div>
      <ErrorMessage error={approve.error} />
      <TextCommand
        formId={`return-${inspection.id}`}
        label={t('conclusion.returnComment')}
        field="comment"
        command={giveBack}
        buttons={[{ label: t('actions.return'), className: 'danger', send: (comment) => giveBack.mutateAsync(comment) }]}
      />
    </div>
  );
}
