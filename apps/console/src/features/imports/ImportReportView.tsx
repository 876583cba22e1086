import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../ui/TableWrap';
import type { ImportReport } from '../../api/types';

type Counts = ImportReport['units'];

/** Created · changed · unchanged, for units and for accounts. */
export function ImportCounts({ report, caption }: { report: Pick<ImportReport, 'units' | 'users'>; caption: string }) {
  const { t } = useTranslation('imports');
  const row = (label: string, counts: Counts) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{counts.created}</td>
      <td>{counts.changed}</td>
      <td>{counts.unchanged}</td>
    </tr>
  );
  return (
    <TableWrap label={caption}>
      <table className="import-counts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('counts.created')}</th>
            <th scope="col">{t('counts.changed')}</th>
            <th scope="col">{t('counts.unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          {row(t('counts.units'), report.units)}
          {row(t('counts.users'), report.users)}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Every problem of every row, as the spreadsheet numbers its rows (the header is row 1). */
export function ImportErrors({ errors }: { errors: ImportReport['errors'] }) {
  const { t } = useTranslation('imports');
  return (
    <TableWrap label={t('errors.caption', { count: errors.length })}>
      <table>
        <caption>{t('errors.caption', { count: errors.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('errors.row')}</th>
            <th scope="col">{t('errors.column')}</th>
            <th scope="col">{t('errors.message')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={`${error.row}-${index}`}>
              <td>{error.row}</td>
              <td>{error.column ?? t('errors.wholeRow')}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** What happens to each row that has no error. */
export function ImportRows({ items }: { items: ImportReport['items'] }) {
  const { t } = useTranslation('imports');
  const action = (value: string | undefined) => (value ? t(`action.${value}`) : '');
  return (
    <TableWrap label={t('rows.caption')}>
      <table>
        <caption>{t('rows.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('errors.row')}</th>
            <th scope="col">{t('rows.unitCode')}</th>
            <th scope="col">{t('rows.unit')}</th>
            <th scope="col">{t('rows.username')}</th>
            <th scope="col">{t('rows.user')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.row}>
              <td>{item.row}</td>
              <td>{item.unitCode ?? ''}</td>
              <td>{action(item.unit)}</td>
              <td>{item.username ?? ''}</td>
              <td>{action(item.user)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
