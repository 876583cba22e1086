import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { InspectionStatus } from '../../api/types';
import { formatDate } from '../../i18n/format';
import { useUser } from '../../session/use-session';
import { ListState } from '../../ui/feedback';
import { usePageTitle } from '../../ui/use-page-title';
import { useNames, useUnits } from '../shared/directory';
import { inspectionKeys, LIFECYCLE, listInspections } from './api';

/**
 * Inspections the caller may see (the API filters by role). A unit head is never offered the
 * "planned" filter: to them planned inspections do not exist.
 */
export default function InspectionsPage() {
  const { t } = useTranslation('inspections');
  const user = useUser();
  const names = useNames();
  const units = useUnits();
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as InspectionStatus | '';
  const unitId = params.get('unitId') ?? '';
  const filters = { ...(status ? { status } : {}), ...(unitId ? { unitId } : {}) };
  const inspections = useQuery({ queryKey: inspectionKeys.list(filters), queryFn: () => listInspections(filters) });
  const statuses = [...LIFECYCLE, 'cancelled' as const].filter((value) => user.role !== 'unit_head' || value !== 'planned');
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return (
    <section>
      <h1>{t('title')}</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-status">{t('filters.status')}</label>
          <select id="filter-status" value={status} onChange={(event) => setFilter('status', event.target.value)}>
            <option value="">{t('filters.any')}</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {t(`common:status.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {user.role !== 'unit_head' ? (
          <div className="field">
            <label htmlFor="filter-unit">{t('filters.unit')}</label>
            <select id="filter-unit" value={unitId} onChange={(event) => setFilter('unitId', event.target.value)}>
              <option value="">{t('filters.any')}</option>
              {(units.data ?? []).map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </form>
      <ListState query={inspections} empty={t('empty')}>
        {(items) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('columns.unit')}</th>
                  <th scope="col">{t('columns.status')}</th>
                  <th scope="col">{t('columns.started')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((inspection) => (
                  <tr key={inspection.id}>
                    <td>
                      <Link to={`/inspections/${inspection.id}`}>{names.unit(inspection.unitId)}</Link>
                    </td>
                    <td>{t(`common:status.${inspection.status}`)}</td>
                    <td>{formatDate(inspection.startedAt)}</td>
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
