import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { useUser } from '../../session/use-session';
import { ListState } from '../../ui/feedback';
import { usePageTitle } from '../../ui/use-page-title';
import { campaignKeys, listCampaigns, progressRatios } from './api';

export default function CampaignsPage() {
  const { t } = useTranslation('campaigns');
  const format = useFormat();
  const user = useUser();
  usePageTitle(t('title'));
  const campaigns = useQuery({ queryKey: campaignKeys.all, queryFn: listCampaigns });
  return (
    <section>
      <h1>{t('title')}</h1>
      {user.role === 'lead_inspector' ? (
        <p>
          <Link to="/campaigns/new" className="button-link">
            {t('new')}
          </Link>
        </p>
      ) : null}
      <ListState query={campaigns} empty={t('empty')}>
        {(items) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('columns.title')}</th>
                  <th scope="col">{t('columns.year')}</th>
                  <th scope="col">{t('columns.status')}</th>
                  <th scope="col">{t('columns.started')}</th>
                  <th scope="col">{t('columns.closed')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((campaign) => {
                  const ratios = progressRatios(campaign.progress);
                  return (
                    <tr key={campaign.id}>
                      <td>
                        <Link to={`/campaigns/${campaign.id}`}>{campaign.title}</Link>
                      </td>
                      <td>{campaign.year}</td>
                      <td>{t(`status.${campaign.status}`)}</td>
                      <td>{format.ratio(...ratios.started)}</td>
                      <td>{format.ratio(...ratios.closed)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </ListState>
    </section>
  );
}
