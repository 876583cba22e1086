import { useTranslation } from 'react-i18next';
import '../../ui/sub-nav.css';
import { NavLink } from 'react-router';

export function AdminNav() {
  const { t } = useTranslation('admin');
  return (
    <nav className="sub-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavLink to="/admin/units">{t('nav.units')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/users">{t('nav.users')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/audit">{t('nav.audit')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/authority">{t('nav.authority')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/imports">{t('nav.imports')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
