import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/problem';
import { safeNext } from '../../session/next-path';
import { updateUser } from '../../session/session-store';
import { useCommand } from '../../session/use-command';
import { useUser } from '../../session/use-session';
import { ErrorMessage } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import '../../ui/stacked-form.css';
import { usePageTitle } from '../../ui/use-page-title';

interface Change {
  currentPassword: string;
  newPassword: string;
}

/** POST /me/password answers 204; the account read back says mustChangePassword is cleared. */
async function changePassword(body: Change, key: string) {
  await call(api.POST('/api/v1/me/password', { body, headers: { 'Idempotency-Key': key } as never }));
  return call(api.GET('/api/v1/me'));
}

/**
 * Everyone changes their own password here. After an admin reset (mustChangePassword) it is the
 * only screen the console offers until the new password is set; then the person goes on to
 * where they were headed. Passwords are never kept in drafts.
 */
export default function ChangePasswordPage() {
  const { t } = useTranslation('account');
  usePageTitle(t('title'));
  const user = useUser();
  const forced = user.mustChangePassword;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const command = useCommand(changePassword, {
    onSuccess: (me) => {
      setForm({ currentPassword: '', newPassword: '', repeat: '' });
      setDone(true);
      updateUser(me);
      if (forced) void navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  const error = command.error instanceof ApiError ? command.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const differs = form.newPassword !== form.repeat;
    setMismatch(differs);
    if (!differs) command.mutate({ currentPassword: form.currentPassword, newPassword: form.newPassword });
  };
  const password = (field: keyof typeof form, autoComplete: string) => (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => (
    <input {...props} type="password" name={field} autoComplete={autoComplete} required value={form[field]} onChange={(event) => setForm({ ...form, [field]: event.target.value })} />
  );
  return (
    <section>
      <h1>{t('title')}</h1>
      {forced ? (
        <p role="status" className="notice">
          {t('forced')}
        </p>
      ) : null}
      <form className="panel stacked-form" onSubmit={submit} noValidate aria-label={t('title')}>
        <Field label={forced ? t('temporary') : t('current')} error={error?.fieldError('currentPassword')}>
          {password('currentPassword', 'current-password')}
        </Field>
        <Field label={t('new')} hint={t('newHint')} error={error?.fieldError('newPassword')}>
          {password('newPassword', 'new-password')}
        </Field>
        <Field label={t('repeat')} error={mismatch ? t('mismatch') : undefined}>
          {password('repeat', 'new-password')}
        </Field>
        {error && !error.problem?.errors?.length ? <ErrorMessage error={error} /> : null}
        {command.error && !error ? <ErrorMessage error={command.error} /> : null}
        {done ? (
          <p role="status" className="notice">
            {t('done')}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={command.isPending}>
          {command.isPending ? t('common:states.saving') : t('submit')}
        </button>
      </form>
    </section>
  );
}
