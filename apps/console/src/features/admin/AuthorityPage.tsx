import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Authority } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { useCommand } from '../../session/use-command';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { fieldErrors, otherFieldErrors } from '../../ui/forms';
import '../../ui/stacked-form.css';
import { usePageTitle } from '../../ui/use-page-title';
import { AdminNav } from './AdminNav';

type Editable = Pick<Authority, 'name' | 'inspectionBodyName' | 'place' | 'chairmanName' | 'chairmanTitle'>;
const FIELDS = ['name', 'inspectionBodyName', 'place', 'chairmanName', 'chairmanTitle'] as const satisfies readonly (keyof Editable)[];

const editable = (authority: Authority): Editable => Object.fromEntries(FIELDS.map((field) => [field, authority[field]])) as Editable;
const authorityKey = ['authority'] as const;
const getAuthority = () => call(api.GET('/api/v1/authority'));
const updateAuthority = (body: Editable, key: string) =>
  call(api.PATCH('/api/v1/authority', { body, headers: { 'Idempotency-Key': key } as never }));

/**
 * How documents name the authority (issue 11, item 3): the heading of every PDF and report file and
 * the signature block. The admin edits it here; the next document printed uses it.
 */
export default function AuthorityPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('authority.title'));
  const authority = useQuery({ queryKey: authorityKey, queryFn: getAuthority });
  return (
    <section>
      <h1>{t('authority.title')}</h1>
      <AdminNav />
      <p className="muted">{t('authority.explain')}</p>
      {authority.isPending ? <Loading /> : authority.error || !authority.data ? <ErrorMessage error={authority.error} /> : <AuthorityForm current={authority.data} />}
    </section>
  );
}

function AuthorityForm({ current }: { current: Authority }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  // Five short lines: no draft in storage (it would outlive a change another admin makes).
  const [draft, setDraft] = useState<Editable>(() => editable(current));
  const [saved, setSaved] = useState(false);
  const command = useCommand((body: Editable, key) => updateAuthority(body, key), {
    invalidate: [[...authorityKey]],
    onSuccess: (answer) => {
      setDraft(editable(answer));
      setSaved(true);
    },
  });
  const errors = fieldErrors(command.error);
  const others = otherFieldErrors(command.error, (field) => (FIELDS as readonly string[]).includes(field));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    command.mutate(draft);
  };
  const input = (field: (typeof FIELDS)[number], hint?: string) => (
    <Field label={t(`authority.${field}`)} hint={hint} error={errors(field)}>
      {(props) => <input {...props} name={field} value={draft[field]} onChange={(event) => setDraft({ ...draft, [field]: event.target.value })} />}
    </Field>
  );
  return (
    <form className="panel stacked-form" onSubmit={submit} noValidate aria-labelledby="authority-form">
      <h2 id="authority-form">{t('authority.heading')}</h2>
      {input('name', t('authority.nameHint'))}
      {input('inspectionBodyName', t('authority.inspectionBodyNameHint'))}
      {input('place', t('authority.placeHint'))}
      {input('chairmanName', t('authority.chairmanNameHint'))}
      {input('chairmanTitle', t('authority.chairmanTitleHint'))}
      {others.map((message) => (
        <p key={message} role="alert" className="error-text">
          {message}
        </p>
      ))}
      {command.error && !(command.error.problem?.errors?.length) ? <ErrorMessage error={command.error} /> : null}
      {saved ? (
        <p role="status" className="notice">
          {t('authority.saved')}
        </p>
      ) : null}
      <p className="muted">{t('authority.updatedAt', { when: format.dateTime(current.updatedAt) })}</p>
      <button type="submit" className="primary" disabled={command.isPending}>
        {command.isPending ? t('common:states.saving') : t('account.save')}
      </button>
    </form>
  );
}
