import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../i18n/format';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { usePageTitle } from '../../ui/use-page-title';
import { byGroup, checklistKeys, getChecklistVersion } from '../shared/checklist';

/** One published version: its criteria by group, as findings cite them. */
export default function ChecklistVersionPage() {
  const { t, i18n } = useTranslation('checklists');
  const format = useFormat();
  const version = useParams().version ?? '';
  usePageTitle(t('version.title', { version }));
  const summary = useQuery({ queryKey: checklistKeys.version(version), queryFn: () => getChecklistVersion(version), staleTime: Infinity, retry: false });
  if (summary.isPending) return <Loading />;
  if (summary.error) return <ErrorMessage error={summary.error} />;
  const data = summary.data;
  return (
    <section>
      <p>
        <Link to="/checklists">{t('version.back')}</Link>
      </p>
      <h1>{t('version.title', { version })}</h1>
      <p>
        {data.title} · {t('version.published', { at: format.dateTime(data.publishedAt) })}
        {data.newest ? <span className="badge">{t('list.newest')}</span> : null}
      </p>
      {byGroup(data.criteria, i18n.language).map((group) => (
        <section key={group.group} className="panel" aria-label={group.group}>
          <h2>{group.group}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('version.code')}</th>
                  <th scope="col">{t('version.name')}</th>
                </tr>
              </thead>
              <tbody>
                {group.criteria.map((criterion) => (
                  <tr key={criterion.code}>
                    <td>{criterion.code}</td>
                    <td>{i18n.language === 'en' ? criterion.name : criterion.nameVi}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </section>
  );
}
