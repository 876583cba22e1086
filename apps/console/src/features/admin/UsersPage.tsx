import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import type { NewUser, Role, User } from '../../api/types';
import { useDraft } from '../../session/drafts';
import { useCommand } from '../../session/use-command';
import { ErrorMessage, ListState } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { usePageTitle } from '../../ui/use-page-title';
import { adminKeys, createUser, listUnits, listUsers } from './admin-api';
import { AccountPanel, ROLES } from './AccountPanel';
import { AdminNav } from './AdminNav';
import { matchesSearch } from './search';

type Draft = Omit<NewUser, 'password'>;
const EMPTY: Draft = { username: '', displayName: '', role: 'inspector' };

export default function UsersPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('users.title'));
  const users = useQuery({ queryKey: adminKeys.users, queryFn: listUsers });
  const units = useQuery({ queryKey: adminKeys.units, queryFn: listUnits });
  const unitName = new Map((units.data ?? []).map((unit) => [unit.id, unit.name]));
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const selected = users.data?.find((user) => user.id === selectedId);
  const shown = users.data?.filter((user) =>
    matchesSearch(search, user.username, user.displayName, user.unitId ? (unitName.get(user.unitId) ?? '') : ''),
  );
  return (
    <section>
      <h1>{t('users.title')}</h1>
      <AdminNav />
      {selected ? <AccountPanel key={selected.id} user={selected} onClose={() => setSelectedId(undefined)} /> : <NewUserForm />}
      <h2>{t('users.list')}</h2>
      <Field label={t('search.label')} hint={t('search.hint')}>
        {(props) => <input {...props} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />}
      </Field>
      <ListState query={{ ...users, data: shown }} empty={search ? t('search.none') : t('users.empty')}>
        {(items) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('users.username')}</th>
                  <th scope="col">{t('users.displayName')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.unit')}</th>
                  <th scope="col">{t('users.state')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('account.manage')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((user) => (
                  <tr key={user.id}>
                    <td>{user.username}</td>
                    <td>{user.displayName}</td>
                    <td>{t(`common:roles.${user.role}`)}</td>
                    <td>{user.unitId ? (unitName.get(user.unitId) ?? '') : ''}</td>
                    <td>{user.active === false ? t('users.inactive') : t('users.active')}</td>
                    <td>
                      <button type="button" className="link-button" onClick={() => setSelectedId(user.id)}>
                        {t('account.manage')}
                        <span className="sr-only"> {user.username}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListState>
    </section>
  );
}

function NewUserForm() {
  const { t } = useTranslation('admin');
  // The password is never kept in the draft (sessionStorage): only what is safe to keep is.
  const [user, setUser, clear] = useDraft<Draft>('new-user', EMPTY);
  const [password, setPassword] = useState('');
  const [created, setCreated] = useState<User>();
  const units = useQuery({ queryKey: adminKeys.units, queryFn: listUnits });
  const command = useCommand((body: NewUser, key) => createUser(body, key), {
    invalidate: [[...adminKeys.users], ['users']],
    onSuccess: (answer) => {
      setCreated(answer);
      setPassword('');
      clear();
    },
  });
  const error = command.error instanceof ApiError ? command.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(undefined);
    const { unitId, ...rest } = user;
    command.mutate({
      ...rest,
      username: rest.username.trim(),
      displayName: rest.displayName.trim(),
      password,
      ...(user.role === 'unit_head' && unitId ? { unitId } : {}),
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('users.create')}</h2>
      <div className="filters">
        <Field label={t('users.username')} error={error?.fieldError('username')}>
          {(props) => (
            <input
              {...props}
              name="username"
              autoComplete="off"
              required
              value={user.username}
              onChange={(event) => setUser({ ...user, username: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('users.displayName')} error={error?.fieldError('displayName')}>
          {(props) => (
            <input
              {...props}
              name="displayName"
              required
              value={user.displayName}
              onChange={(event) => setUser({ ...user, displayName: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('users.role')} error={error?.fieldError('role')}>
          {(props) => (
            <select {...props} name="role" value={user.role} onChange={(event) => setUser({ ...user, role: event.target.value as Role })}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`common:roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {user.role === 'unit_head' ? (
          <Field label={t('users.unit')} error={error?.fieldError('unitId')}>
            {(props) => (
              <select
                {...props}
                name="unitId"
                required
                value={user.unitId ?? ''}
                onChange={(event) => setUser({ ...user, unitId: event.target.value || undefined })}
              >
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
        <Field label={t('users.password')} hint={t('users.passwordHint')} error={error?.fieldError('password')}>
          {(props) => (
            <input
              {...props}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
      </div>
      {error && !error.problem?.errors?.length ? <ErrorMessage error={error} /> : null}
      {command.error && !error ? <ErrorMessage error={command.error} /> : null}
      {created ? (
        <p role="status" className="notice">
          {t('users.created', { name: created.displayName, username: created.username })}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={command.isPending}>
        {command.isPending ? t('common:states.saving') : t('users.submit')}
      </button>
    </form>
  );
}
