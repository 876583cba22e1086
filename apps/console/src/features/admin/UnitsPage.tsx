import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import type { NewUnit, Unit } from '../../api/types';
import { useDraft } from '../../session/drafts';
import { useCommand } from '../../session/use-command';
import { ErrorMessage, ListState } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { usePageTitle } from '../../ui/use-page-title';
import { adminKeys, createUnit, listUnits } from './admin-api';
import { AdminNav } from './AdminNav';
import { matchesSearch } from './search';

export const UNIT_KINDS: readonly Unit['kind'][] = ['department', 'commune', 'town', 'public_service_unit'];
const EMPTY: NewUnit = { code: '', name: '', kind: 'commune' };

export default function UnitsPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('units.title'));
  const units = useQuery({ queryKey: adminKeys.units, queryFn: listUnits });
  const [search, setSearch] = useState('');
  const shown = units.data?.filter((unit) => matchesSearch(search, unit.code, unit.name));
  return (
    <section>
      <h1>{t('units.title')}</h1>
      <AdminNav />
      <NewUnitForm />
      <h2>{t('units.list')}</h2>
      <Field label={t('search.label')} hint={t('search.hint')}>
        {(props) => <input {...props} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />}
      </Field>
      <ListState query={{ ...units, data: shown }} empty={search ? t('search.none') : t('units.empty')}>
        {(items) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('units.code')}</th>
                  <th scope="col">{t('units.name')}</th>
                  <th scope="col">{t('units.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((unit) => (
                  <tr key={unit.id}>
                    <td>{unit.code}</td>
                    <td>{unit.name}</td>
                    <td>{t(`units.kinds.${unit.kind}`)}</td>
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

function NewUnitForm() {
  const { t } = useTranslation('admin');
  const [unit, setUnit, clear] = useDraft<NewUnit>('new-unit', EMPTY);
  const [created, setCreated] = useState<Unit>();
  const command = useCommand((body: NewUnit, key) => createUnit(body, key), {
    invalidate: [[...adminKeys.units], ['units']],
    onSuccess: (answer) => {
      setCreated(answer);
      clear();
    },
  });
  const error = command.error instanceof ApiError ? command.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(undefined);
    command.mutate({ code: unit.code.trim(), name: unit.name.trim(), kind: unit.kind });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="new-unit-title">
      <h2 id="new-unit-title">{t('units.create')}</h2>
      <div className="filters">
        <Field label={t('units.code')} error={error?.fieldError('code')}>
          {(props) => (
            <input {...props} name="code" required value={unit.code} onChange={(event) => setUnit({ ...unit, code: event.target.value })} />
          )}
        </Field>
        <Field label={t('units.name')} error={error?.fieldError('name')}>
          {(props) => (
            <input {...props} name="name" required value={unit.name} onChange={(event) => setUnit({ ...unit, name: event.target.value })} />
          )}
        </Field>
        <Field label={t('units.kind')} error={error?.fieldError('kind')}>
          {(props) => (
            <select
              {...props}
              name="kind"
              value={unit.kind}
              onChange={(event) => setUnit({ ...unit, kind: event.target.value as Unit['kind'] })}
            >
              {UNIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`units.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {error && !error.problem?.errors?.length ? <ErrorMessage error={error} /> : null}
      {command.error && !error ? <ErrorMessage error={command.error} /> : null}
      {created ? (
        <p role="status" className="notice">
          {t('units.created', { name: created.name })}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={command.isPending}>
        {command.isPending ? t('common:states.saving') : t('units.submit')}
      </button>
    </form>
  );
}
