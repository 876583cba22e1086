import { useTranslation } from 'react-i18next';
import '../../ui/sub-nav.css';
import './reports.css';
import { NavLink } from 'react-router';

/** The reports' own sub-navigation: the dashboard and the overdue list (units and campaigns are reached from them). */
export function ReportsNav() {
  const { t } = useTranslation('reports');
  return (
    <nav className="sub-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavLink to="/reports" end>
            {t('nav.dashboard')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/reports/overdue">{t('nav.overdue')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
