import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { useUser } from '../../session/use-session';
import { ListState } from '../../ui/feedback';
import { usePageTitle } from '../../ui/use-page-title';
import { checklistKeys, listTemplates } from './api';

/** Every checklist template and its published versions; the admin publishes new ones from here. */
export default function ChecklistsPage() {
  const { t } = useTranslation('checklists');
  const format = useFormat();
  const user = useUser();
  usePageTitle(t('list.title'));
  const templates = useQuery({ queryKey: checklistKeys.templates, queryFn: listTemplates });
  return (
    <section>
      <h1>{t('list.title')}</h1>
      <p className="hint">{t('list.hint')}</p>
      <ListState query={templates} empty={t('list.empty')}>
        {(items) =>
          items.map((template) => (
            <section key={template.key} className="panel" aria-labelledby={`template-${template.key}`}>
              <h2 id={`template-${template.key}`}>{template.title}</h2>
              <p className="muted">{t('list.key', { key: template.key })}</p>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('list.version')}</th>
                      <th scope="col">{t('list.versionTitle')}</th>
                      <th scope="col">{t('list.criteria')}</th>
                      <th scope="col">{t('list.publishedAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {template.versions.map((version) => (
                      <tr key={version.version}>
                        <td>
                          <Link to={`/checklists/${encodeURIComponent(version.version)}`}>{version.version}</Link>
                          {version.newest ? <span className="badge">{t('list.newest')}</span> : null}
                        </td>
                        <td>{version.title}</td>
                        <td>{format.number(version.criteriaCount)}</td>
                        <td>{format.dateTime(version.publishedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {user.role === 'admin' ? (
                <p>
                  <Link className="button-link" to={`/checklists/${encodeURIComponent(template.key)}/new-version`}>
                    {t('list.publish')}
                  </Link>
                </p>
              ) : null}
            </section>
          ))
        }
      </ListState>
    </section>
  );
}
