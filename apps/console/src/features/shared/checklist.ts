import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/openapi';

export type Criterion = components['schemas']['CriterionView'];
export type ChecklistVersion = components['schemas']['ChecklistVersionView'];

export const checklistKeys = {
  templates: ['checklist-templates'] as const,
  version: (version: string) => ['checklist-versions', version] as const,
};

export const getChecklistVersion = (version: string) => call(api.GET('/api/v1/checklist-versions/{version}', { params: { path: { version } } }));

/**
 * The criteria of one stored checklist version (an inspection's `checklistVersion`), and their
 * names in the reader's language. A published version never changes, so it is fetched once.
 * Until it arrives (or if it cannot be read) a criterion is shown by its code.
 */
export function useChecklist(version: string | undefined) {
  const query = useQuery({
    queryKey: checklistKeys.version(version ?? ''),
    queryFn: () => getChecklistVersion(version ?? ''),
    enabled: Boolean(version),
    staleTime: Infinity,
    retry: false,
  });
  const criteria: readonly Criterion[] = query.data?.criteria ?? [];
  const name = (code: string, language: string): string => {
    const criterion = criteria.find((c) => c.code === code);
    if (!criterion) return code;
    return `${code} · ${language === 'en' ? criterion.name : criterion.nameVi}`;
  };
  return { criteria, name, loading: query.isLoading, error: query.error };
}

/** Criteria by their group, in the order they come (the version's order). */
export function byGroup(criteria: readonly Criterion[], language: string): { group: string; criteria: Criterion[] }[] {
  const groups: { group: string; criteria: Criterion[] }[] = [];
  for (const criterion of criteria) {
    const group = language === 'en' ? criterion.group : criterion.groupVi;
    const existing = groups.find((g) => g.group === group);
    if (existing) existing.criteria.push(criterion);
    else groups.push({ group, criteria: [criterion] });
  }
  return groups;
}
