import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { OverdueItem, Ratio } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

/** One headline figure: its name, then "a/b (x%)" in the user's locale (75,0% / 75.0%). */
export function RatioFigure({ label, ratio }: { label: string; ratio: Ratio }) {
  const format = useFormat();
  return <Figure label={label}>{format.ratio(ratio.numerator, ratio.denominator)}</Figure>;
}

export function Figure({ label, children, tone }: { label: string; children: ReactNode; tone?: 'danger' }) {
  return (
    <div className={tone ? `figure ${tone}` : 'figure'} role="group" aria-label={label}>
      <span className="figure-label">{label}</span>
      <span className="figure-value">{children}</span>
    </div>
  );
}

/** Overdue items, oldest deadline first, each linking to its inspection. */
export function OverdueTable({ items, showUnit = true }: { items: readonly OverdueItem[]; showUnit?: boolean }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  if (items.length === 0) return <p className="muted">{t('overdue.none')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {showUnit ? <th scope="col">{t('columns.unit')}</th> : null}
            <th scope="col">{t('columns.what')}</th>
            <th scope="col">{t('columns.dueAt')}</th>
            <th scope="col">{t('columns.daysOverdue')}</th>
            <th scope="col">{t('columns.owner')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.kind}-${item.inspectionId}-${item.actionId ?? ''}`}>
              {showUnit ? (
                <td>
                  <Link to={`/reports/units/${item.unitId}`}>{item.unitName}</Link>
                </td>
              ) : null}
              <td>
                <Link to={`/inspections/${item.inspectionId}`}>{t(`overdueKind.${item.kind}`)}</Link>
              </td>
              <td>{format.date(item.dueAt)}</td>
              <td>{t('overdue.days', { count: item.daysOverdue })}</td>
              <td>{item.owner ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
