// The checklist is versioned data of the domain (pure, no I/O): the console shows the same
// criteria the API validates, without a copy.
import { findChecklist, findCriterion } from '../../../../../libs/domain/src/checklist/templates';

export function criteriaOf(version: string) {
  return findChecklist(version)?.criteria ?? [];
}

export function criterionName(version: string, code: string, language: string): string {
  const criterion = findCriterion(version, code);
  if (!criterion) return code;
  return `${code} · ${language === 'en' ? criterion.name : criterion.nameVi}`;
}
