import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import type { Role, User } from '../../api/types';
import { ErrorMessage } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { adminKeys, deactivateUser, listUnits, reactivateUser, resetPassword, updateUser, type UserChanges } from './admin-api';
import { useCommand } from '../../session/use-command';

export const ROLES: readonly Role[] = ['admin', 'chairman', 'lead_inspector', 'inspector', 'unit_head'];

/**
 * One account: its name, role and unit; deactivation (which ends its sessions at once) and
 * reactivation; a temporary password the person must replace at their next login.
 */
export function AccountPanel({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const headingId = `account-${user.id}`;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row far below: the keyboard and the screen reader move with the person.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel account" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} ref={heading}>
        {t('account.title', { name: user.displayName, username: user.username })}
      </h2>
      <EditForm user={user} />
      <ActivationForm user={user} />
      <PasswordResetForm user={user} />
      <button type="button" onClick={onClose}>
        {t('account.close')}
      </button>
    </section>
  );
}

function EditForm({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const units = useQuery({ queryKey: adminKeys.units, queryFn: listUnits });
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [unitId, setUnitId] = useState(user.unitId ?? '');
  const [saved, setSaved] = useState(false);
  const command = useCommand((body: UserChanges, key) => updateUser(user.id, body, key), {
    invalidate: [[...adminKeys.users]],
    onSuccess: () => setSaved(true),
  });
  const error = command.error instanceof ApiError ? command.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    command.mutate({ displayName: displayName.trim(), role, ...(role === 'unit_head' && unitId ? { unitId } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('account.edit')}>
      <h3>{t('account.edit')}</h3>
      <div className="filters">
        <Field label={t('users.displayName')} error={error?.fieldError('displayName')}>
          {(props) => <input {...props} name="displayName" value={displayName} onChange={(event) => setDisplayName(event.target.value)} />}
        </Field>
        <Field label={t('users.role')} error={error?.fieldError('role')}>
          {(props) => (
            <select {...props} name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {t(`common:roles.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {role === 'unit_head' ? (
          <Field label={t('users.unit')} error={error?.fieldError('unitId')}>
            {(props) => (
              <select {...props} name="unitId" value={unitId} onChange={(event) => setUnitId(event.target.value)}>
                <option value="">{t('users.chooseUnit')}</option>
                {(units.data ?? []).map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      {error && !error.problem?.errors?.length ? <ErrorMessage error={error} /> : null}
      {command.error && !error ? <ErrorMessage error={command.error} /> : null}
      {saved ? (
        <p role="status" className="notice">
          {t('account.saved')}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={command.isPending}>
        {t('account.save')}
      </button>
    </form>
  );
}

function ActivationForm({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const [done, setDone] = useState<boolean>();
  const command = useCommand((active: boolean, key) => (active ? reactivateUser(user.id, key) : deactivateUser(user.id, key)), {
    invalidate: [[...adminKeys.users]],
    onSuccess: (answer) => setDone(answer.active),
  });
  return (
    <div>
      <h3>{t('account.access')}</h3>
      <p>{user.active ? t('account.isActive') : t('account.isInactive')}</p>
      {user.active ? (
        <button type="button" className="danger" onClick={() => command.mutate(false)} disabled={command.isPending}>
          {t('account.deactivate')}
        </button>
      ) : (
        <button type="button" onClick={() => command.mutate(true)} disabled={command.isPending}>
          {t('account.reactivate')}
        </button>
      )}
      {done !== undefined ? (
        <p role="status" className="notice">
          {done ? t('account.reactivated') : t('account.deactivated')}
        </p>
      ) : null}
      <ErrorMessage error={command.error} />
    </div>
  );
}

function PasswordResetForm({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const command = useCommand((temporaryPassword: string, key) => resetPassword(user.id, temporaryPassword, key), {
    invalidate: [[...adminKeys.users]],
    onSuccess: () => {
      setDone(true);
      setPassword('');
    },
  });
  const error = command.error instanceof ApiError ? command.error : undefined;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setDone(false);
        command.mutate(password);
      }}
      noValidate
      aria-label={t('account.reset')}
    >
      <h3>{t('account.reset')}</h3>
      <Field label={t('account.temporaryPassword')} hint={t('account.temporaryHint')} error={error?.fieldError('temporaryPassword')}>
        {(props) => (
          <input
            {...props}
            name="temporaryPassword"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </Field>
      {error && !error.problem?.errors?.length ? <ErrorMessage error={error} /> : null}
      {done ? (
        <p role="status" className="notice">
          {t('account.resetDone')}
        </p>
      ) : null}
      <button type="submit" disabled={command.isPending}>
        {t('account.reset')}
      </button>
    </form>
  );
}
