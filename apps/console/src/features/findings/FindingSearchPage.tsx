import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../ui/TableWrap';
import { Link, useSearchParams } from 'react-router';
import type { FoundFinding } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { ErrorMessage, ListState } from '../../ui/feedback';
import { Field } from '../../ui/Field';
import { fieldErrors } from '../../ui/forms';
import { usePageTitle } from '../../ui/use-page-title';
import { useAllCriteria } from '../shared/checklist';
import { useNames, useUnits } from '../shared/directory';
import { searchFindings, SEVERITIES, type FindingQuery, type Severity } from './findings-api';

const FILTERS = ['q', 'criterionCode', 'severity', 'unitId', 'year'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** The search is in the address, so a search can be bookmarked, shared and survives a reload. */
function useSearch() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as Filters;
  const apply = (next: Filters) => setParams(Object.fromEntries(Object.entries(next).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value !== '')), { replace: true });
  const query: FindingQuery = {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.criterionCode ? { criterionCode: filters.criterionCode } : {}),
    ...(filters.severity ? { severity: filters.severity as Severity } : {}),
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
    // A year that is not a number goes as typed: the API's answer says what is wrong beside the field.
    ...(filters.year ? { year: filters.year as unknown as number } : {}),
  };
  return { filters, apply, query };
}

/**
 * Findings across inspections for staff (issue 11, item 10): words without accents, criterion,
 * severity, unit, year; each result links to its inspection; newest first, a page at a time.
 */
export default function FindingSearchPage() {
  const { t } = useTranslation('findings');
  usePageTitle(t('title'));
  const { filters, apply, query } = useSearch();
  const results = useInfiniteQuery({
    queryKey: ['findings', 'search', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => searchFindings(query, pageParam),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = results.data?.pages.flatMap((page) => page.items);
  return (
    <section className="finding-search">
      <h1>{t('title')}</h1>
      {/* Remounted when the address changes (back, a bookmark), so the form shows the search it holds. */}
      <SearchForm key={JSON.stringify(filters)} filters={filters} error={results.error} onSearch={apply} />
      {fieldErrorsOnly(results.error) ? null : (
        <ListState query={{ isPending: results.isPending, error: results.isFetchNextPageError ? null : results.error, data: items, refetch: results.refetch }} empty={t('empty')}>
          {(rows) => <Results rows={rows} />}
        </ListState>
      )}
      {results.hasNextPage ? (
        <button type="button" onClick={() => void results.fetchNextPage()} disabled={results.isFetchingNextPage}>
          {results.isFetchingNextPage ? t('common:states.loading') : t('more')}
        </button>
      ) : null}
      {results.isFetchNextPageError ? <ErrorMessage error={results.error} /> : null}
    </section>
  );
}

/** A 400 naming fields is shown beside those fields, not again as the list's error. */
function fieldErrorsOnly(error: unknown): boolean {
  return FILTERS.some((field) => fieldErrors(error)(field) !== undefined);
}

function SearchForm({ filters, error, onSearch }: { filters: Filters; error: unknown; onSearch: (filters: Filters) => void }) {
  const { t, i18n } = useTranslation('findings');
  const units = useUnits();
  const criteria = useAllCriteria();
  const [form, setForm] = useState(filters);
  const errors = fieldErrors(error);
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(form);
  };
  return (
    <form className="panel" role="search" aria-label={t('formLabel')} onSubmit={submit} noValidate>
      <div className="filters">
        <Field label={t('q')} hint={t('qHint')} error={errors('q')}>
          {(props) => <input {...props} type="search" name="q" value={form.q} onChange={set('q')} />}
        </Field>
        <Field label={t('criterion')} hint={t('criterionHint')} error={errors('criterionCode')}>
          {(props) => <input {...props} name="criterionCode" list="finding-criteria" autoComplete="off" value={form.criterionCode} onChange={set('criterionCode')} />}
        </Field>
        <datalist id="finding-criteria">
          {criteria.map((criterion) => (
            <option key={criterion.code} value={criterion.code} label={i18n.language === 'en' ? criterion.name : criterion.nameVi} />
          ))}
        </datalist>
        <Field label={t('severity')} error={errors('severity')}>
          {(props) => (
            <select {...props} name="severity" value={form.severity} onChange={set('severity')}>
              <option value="">{t('anySeverity')}</option>
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {t(`common:severity.${severity}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('unit')} error={errors('unitId')}>
          {(props) => (
            <select {...props} name="unitId" value={form.unitId} onChange={set('unitId')}>
              <option value="">{t('anyUnit')}</option>
              {(units.data ?? []).map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('year')} error={errors('year')}>
          {(props) => <input {...props} name="year" inputMode="numeric" value={form.year} onChange={set('year')} />}
        </Field>
      </div>
      <button type="submit" className="primary">
        {t('submit')}
      </button>
    </form>
  );
}

function Results({ rows }: { rows: readonly FoundFinding[] }) {
  const { t } = useTranslation('findings');
  const format = useFormat();
  const names = useNames();
  const state = (finding: FoundFinding) => {
    if (finding.status === 'withdrawn') return t('state.withdrawn');
    if (finding.dispute === 'pending') return t('state.disputed');
    return finding.open ? t('state.open') : t('state.done');
  };
  return (
    <TableWrap label={t('caption')}>
      <table>
        <caption>{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('recordedAt')}</th>
            <th scope="col">{t('unit')}</th>
            <th scope="col">{t('criterion')}</th>
            <th scope="col">{t('severity')}</th>
            <th scope="col">{t('description')}</th>
            <th scope="col">{t('state.label')}</th>
            <th scope="col">
              <span className="sr-only">{t('inspection')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((finding) => (
            <tr key={finding.id}>
              <td>{format.date(finding.recordedAt)}</td>
              <td>{names.unit(finding.unitId)}</td>
              <td>{finding.criterionCode}</td>
              <td>{t(`common:severity.${finding.severity}`)}</td>
              <td className="prewrap">{finding.description}</td>
              <td>{state(finding)}</td>
              <td>
                <Link to={`/inspections/${finding.inspectionId}`}>
                  {t('openInspection')}
                  {/* Which one, for a screen reader's list of links; the visible words come first in the name. */}
                  <span className="sr-only"> {t('openInspectionOf', { unit: names.unit(finding.unitId), criterion: finding.criterionCode, date: format.date(finding.recordedAt) })}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
