import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useDraft } from '../../session/drafts';
import { useCommand } from '../../session/use-command';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { fieldErrors, otherFieldErrors } from '../../ui/forms';
import { usePageTitle } from '../../ui/use-page-title';
import { getChecklistVersion } from '../shared/checklist';
import { checklistKeys, listTemplates, publishVersion, type CriterionDraft, type VersionDraft } from './api';

const FIELDS = ['code', 'nameVi', 'name', 'groupVi', 'group'] as const;
const EMPTY_CRITERION: CriterionDraft = { code: '', nameVi: '', name: '', groupVi: '', group: '' };

/**
 * The admin publishes the next version of a template: the form starts as a copy of the newest
 * version, to edit and publish whole. A published version never changes; campaigns created before
 * keep the version they cite.
 */
export default function PublishVersionPage() {
  const { t } = useTranslation('checklists');
  const key = useParams().key ?? '';
  const navigate = useNavigate();
  usePageTitle(t('publish.title'));
  const templates = useQuery({ queryKey: checklistKeys.templates, queryFn: listTemplates });
  const newest = templates.data?.find((template) => template.key === key)?.newestVersion;
  const source = useQuery({ queryKey: checklistKeys.version(newest ?? ''), queryFn: () => getChecklistVersion(newest ?? ''), enabled: Boolean(newest), staleTime: Infinity });
  const [draft, setDraft, clearDraft] = useDraft<VersionDraft | null>('publish-version', null);
  // The copy is taken once; a draft already typed (kept across a new login) is not overwritten.
  useEffect(() => {
    if (draft === null && source.data) setDraft({ title: source.data.title, criteria: source.data.criteria.map((c) => ({ code: c.code, nameVi: c.nameVi, name: c.name, groupVi: c.groupVi, group: c.group })) });
  }, [draft, source.data, setDraft]);
  const publish = useCommand((body: VersionDraft, idempotencyKey: string) => publishVersion(key, body, idempotencyKey), {
    invalidate: [[...checklistKeys.templates]],
    onSuccess: (published) => {
      clearDraft();
      void navigate(`/checklists/${encodeURIComponent(published.version)}`);
    },
  });

  if (templates.error || source.error) return <ErrorMessage error={templates.error ?? source.error} />;
  if (!draft) return <Loading />;
  const error = fieldErrors(publish.error);
  const others = otherFieldErrors(publish.error, (field) => field === 'title' || /^criteria\.\d+\.(code|nameVi|name|groupVi|group)$/.test(field));
  const setCriterion = (index: number, patch: Partial<CriterionDraft>) =>
    setDraft({ ...draft, criteria: draft.criteria.map((criterion, at) => (at === index ? { ...criterion, ...patch } : criterion)) });

  return (
    <section>
      <h1>{t('publish.title')}</h1>
      <p className="hint">{t('publish.hint', { version: newest })}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          publish.mutate(draft);
        }}
      >
        <div className="panel">
          <Field label={t('publish.versionTitle')} error={error('title')}>
            {(props) => <input {...props} value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} size={60} />}
          </Field>
        </div>
        {draft.criteria.map((criterion, index) => (
          <fieldset key={index} className="target">
            <legend>{t('publish.criterion', { number: index + 1 })}</legend>
            {FIELDS.map((field) => (
              <Field key={field} label={t(`publish.fields.${field}`)} error={error(`criteria.${index}.${field}`)}>
                {(props) => <input {...props} value={criterion[field]} onChange={(event) => setCriterion(index, { [field]: event.target.value })} size={field === 'code' ? 12 : 50} />}
              </Field>
            ))}
            {draft.criteria.length > 1 ? (
              <button type="button" className="danger" onClick={() => setDraft({ ...draft, criteria: draft.criteria.filter((_, at) => at !== index) })}>
                {t('publish.remove', { number: index + 1 })}
              </button>
            ) : null}
          </fieldset>
        ))}
        {error('criteria') ? <p className="field-error">{error('criteria')}</p> : null}
        {others.map((message) => (
          <p key={message} className="field-error">
            {message}
          </p>
        ))}
        <div className="button-row">
          <button type="button" onClick={() => setDraft({ ...draft, criteria: [...draft.criteria, { ...EMPTY_CRITERION, groupVi: draft.criteria.at(-1)?.groupVi ?? '', group: draft.criteria.at(-1)?.group ?? '' }] })}>
            {t('publish.add')}
          </button>
          <button type="submit" disabled={publish.isPending}>
            {t('publish.submit')}
          </button>
        </div>
        {publish.error ? <ErrorMessage error={publish.error} /> : null}
      </form>
    </section>
  );
}
