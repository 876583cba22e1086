import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListState } from '../../ui/feedback';
import { usePageTitle } from '../../ui/use-page-title';
import { getInspection, inspectionKeys, listInspections } from '../inspections/api';
import { ApprovalControls, ConclusionView } from '../inspections/sections/Conclusion';
import { Findings } from '../inspections/sections/Findings';
import { useNames } from '../shared/directory';

function Candidate({ id }: { id: string }) {
  const { t } = useTranslation('approvals');
  const names = useNames();
  const inspection = useQuery({ queryKey: inspectionKeys.one(id), queryFn: () => getInspection(id) });
  if (!inspection.data) return null;
  return (
    <article id={id} className="approval" aria-labelledby={`approval-${id}`}>
      <h2 id={`approval-${id}`}>{t('item', { unit: names.unit(inspection.data.unitId) })}</h2>
      <p>
        <Link to={`/inspections/${id}`}>{t('open')}</Link>
      </p>
      <ConclusionView inspection={inspection.data} />
      <Findings inspection={inspection.data} />
      <ApprovalControls inspection={inspection.data} />
    </article>
  );
}

/** The chairman's inbox: every conclusion awaiting approval, with its dissents and content hash. */
export default function ApprovalsPage() {
  const { t } = useTranslation('approvals');
  usePageTitle(t('title'));
  const pending = useQuery({ queryKey: inspectionKeys.list({ status: 'awaiting_approval' }), queryFn: () => listInspections({ status: 'awaiting_approval' }) });
  return (
    <section>
      <h1>{t('title')}</h1>
      <ListState query={pending} empty={t('empty')}>
        {(items) => items.map((inspection) => <Candidate key={inspection.id} id={inspection.id} />)}
      </ListState>
    </section>
  );
}
