import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { AccountabilityCase } from '../../api/types';
import { formatDate } from '../../i18n/format';
import { useDraft } from '../../session/drafts';
import { useCommand } from '../../session/use-command';
import { useUser } from '../../session/use-session';
import { ErrorMessage, ListState } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { fieldErrors } from '../../ui/forms';
import { usePageTitle } from '../../ui/use-page-title';
import { useNames } from '../shared/directory';

type Outcome = 'reminded' | 'criticized' | 'disciplinary_review';
const OUTCOMES: readonly Outcome[] = ['reminded', 'criticized', 'disciplinary_review'];

function Decide({ item }: { item: AccountabilityCase }) {
  const { t } = useTranslation('accountability');
  const [draft, setDraft, clear] = useDraft(`decide-${item.id}`, { outcome: '' as Outcome | '', note: '' });
  const command = useCommand(
    (body: { outcome: Outcome; note: string }, key: string) =>
      call(api.POST('/api/v1/accountability-cases/{id}/decision', { params: { path: { id: item.id } }, body, headers: { 'Idempotency-Key': key } })),
    { invalidate: [['accountability'], ['me'], ['inspections']], onSuccess: clear },
  );
  const errors = fieldErrors(command.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        command.mutate({ outcome: draft.outcome as Outcome, note: draft.note });
      }}
    >
      <Field label={t('decision')} error={errors('outcome')}>
        {(props) => (
          <select {...props} value={draft.outcome} onChange={(event) => setDraft({ ...draft, outcome: event.target.value as Outcome })}>
            <option value="">{t('choose')}</option>
            {OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`outcome.${outcome}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('note')} error={errors('note')}>
        {(props) => <textarea {...props} value={draft.note} onChange={(event) => setDraft({ ...draft, note: event.target.value })} />}
      </Field>
      <ErrorMessage error={command.error} />
      <button type="submit" className="primary" disabled={command.isPending}>
        {t('decide')}
      </button>
    </form>
  );
}

export default function AccountabilityPage() {
  const { t } = useTranslation('accountability');
  const user = useUser();
  const names = useNames();
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as 'open' | 'decided' | '';
  const cases = useQuery({
    queryKey: ['accountability', status],
    queryFn: async () => (await call(api.GET('/api/v1/accountability-cases', { params: { query: { limit: 500, ...(status ? { status } : {}) } } }))).items,
  });
  return (
    <section>
      <h1>{t('title')}</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="case-status">{t('filter')}</label>
          <select id="case-status" value={status} onChange={(event) => setParams(event.target.value ? { status: event.target.value } : {}, { replace: true })}>
            <option value="">{t('any')}</option>
            <option value="open">{t('status.open')}</option>
            <option value="decided">{t('status.decided')}</option>
          </select>
        </div>
      </div>
      <ListState query={cases} empty={t('empty')}>
        {(items) => (
          <ul className="cards">
            {items.map((item) => (
              <li key={item.id} className={item.status === 'open' ? 'card overdue' : 'card'}>
                <h2>{t('case', { reason: t(`reason.${item.reason}`), unit: names.unit(item.unitId) })}</h2>
                <p>{t('openedAt', { date: formatDate(item.openedAt) })}</p>
                <p>
                  <strong>{t(`status.${item.status}`)}</strong>
                  {item.status === 'decided' && item.outcome ? ` · ${t('decidedAt', { date: formatDate(item.decidedAt), outcome: t(`outcome.${item.outcome}`) })}` : ''}
                  {item.note ? ` — ${item.note}` : ''}
                </p>
                <p>
                  <Link to={`/inspections/${item.inspectionId}`}>{t('inspection')}</Link>
                </p>
                {user.role === 'chairman' && item.status === 'open' ? <Decide item={item} /> : null}
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </section>
  );
}
