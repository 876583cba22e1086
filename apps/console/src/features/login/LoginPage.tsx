import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { switchLanguage } from '../../i18n';
import { safeNext } from '../../session/next-path';
import { currentLanguage, logIn } from '../../session/session-store';
import { useSession } from '../../session/use-session';
import { ErrorMessage } from '../../ui/feedback';
import { Field } from '../../ui/Field';


export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (session.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await logIn(username, password);
      await switchLanguage(currentLanguage());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login">
      <form className="panel login-form" onSubmit={(event) => void submit(event)} noValidate>
        <h1>{t('login:title')}</h1>
        {params.get('expired') ? (
          <p role="status" className="notice">
            {t('login:expired')}
          </p>
        ) : null}
        <Field label={t('login:username')}>
          {(props) => <input {...props} name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />}
        </Field>
        <Field label={t('login:password')}>
          {(props) => <input {...props} name="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />}
        </Field>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('login:submit')}
        </button>
      </form>
    </main>
  );
}
