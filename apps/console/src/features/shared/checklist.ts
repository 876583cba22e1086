// The checklist is versioned data of the domain (pure, no I/O): the console shows the same
// criteria the API validates, without a copy.
import { CHECKLIST_TEMPLATES, findChecklist, findCriterion } from '../../../../../libs/domain/src/checklist/templates';

export function criteriaOf(version: string) {
  return findChecklist(version)?.criteria ?? [];
}

export function criterionName(version: string, code: string, language: string): string {
  const criterion = findCriterion(version, code);
  if (!criterion) return code;
  return `${code} · ${language === 'en' ? criterion.name : criterion.nameVi}`;
}

/** Every criterion of every known checklist version, once per code (for a search by criterion). */
export function allCriteria(): { code: string; name: string; nameVi: string }[] {
  const byCode = new Map<string, { code: string; name: string; nameVi: string }>();
  for (const template of CHECKLIST_TEMPLATES) for (const criterion of template.criteria) if (!byCode.has(criterion.code)) byCode.set(criterion.code, criterion);
  return [...byCode.values()];
}
