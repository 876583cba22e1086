/**
 * What a new checklist version must be (pure; the API runs it before anything is written, and
 * the campaign and inspection deciders check the codes a command carries with the same rules).
 * No code format is imposed: a code is any short text without control characters, unique within
 * its version, because every authority numbers its criteria its own way.
 */
import { LIMITS } from '../shared/limits';
import { FieldError, invalid, Rejection } from '../shared/rejection';
import { isStorableText } from '../shared/text';
import { Criterion } from './templates';

export interface ChecklistDraft {
  readonly title: string;
  readonly criteria: readonly Criterion[];
}

/** Template keys name versions ("demo-2023" → "demo-2023.1"), so they stay plain. */
export const TEMPLATE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

const CONTROL = /\p{Cc}/u;

/** The problem with one criterion code, if any. */
export function criterionCodeProblem(code: unknown): string | undefined {
  if (typeof code !== 'string') return 'must be a text';
  const trimmed = code.trim();
  if (trimmed === '') return 'must not be empty';
  if (!isStorableText(trimmed) || CONTROL.test(trimmed)) return 'must not contain control characters';
  if (trimmed.length > LIMITS.checklist.code) return `must be at most ${LIMITS.checklist.code} characters`;
  return undefined;
}

/** Checks a draft and returns it trimmed (codes normalised to NFC), or every problem with its field. */
export function validateChecklistDraft(draft: { title?: unknown; criteria?: unknown }): ChecklistDraft | Rejection {
  const errors: FieldError[] = [];
  const text = (value: unknown, field: string, max: number): string => {
    if (typeof value !== 'string') {
      errors.push({ field, message: 'must be a text' });
      return '';
    }
    const trimmed = value.trim();
    if (trimmed === '') errors.push({ field, message: 'must not be empty' });
    else if (!isStorableText(trimmed) || CONTROL.test(trimmed)) errors.push({ field, message: 'must not contain control characters' });
    else if (trimmed.length > max) errors.push({ field, message: `must be at most ${max} characters` });
    return trimmed;
  };
  const title = text(draft.title, 'title', LIMITS.checklist.title);
  const list = draft.criteria;
  if (!Array.isArray(list) || list.length === 0 || list.length > LIMITS.checklist.criteria) {
    errors.push({ field: 'criteria', message: `must list 1 to ${LIMITS.checklist.criteria} criteria` });
    return invalid('The checklist is not valid.', errors);
  }
  const seen = new Map<string, number>();
  const criteria = list.map((raw: unknown, index): Criterion => {
    const at = `criteria.${index}.`;
    const c = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const codeProblem = criterionCodeProblem(c.code);
    const code = typeof c.code === 'string' ? c.code.trim().normalize('NFC') : '';
    if (codeProblem) errors.push({ field: `${at}code`, message: codeProblem });
    else if (seen.has(code)) errors.push({ field: `${at}code`, message: `appears twice in this version (also criteria.${seen.get(code)}.code)` });
    else seen.set(code, index);
    return {
      code,
      nameVi: text(c.nameVi, `${at}nameVi`, LIMITS.checklist.name),
      name: text(c.name, `${at}name`, LIMITS.checklist.name),
      groupVi: text(c.groupVi, `${at}groupVi`, LIMITS.checklist.group),
      group: text(c.group, `${at}group`, LIMITS.checklist.group),
    };
  });
  if (errors.length > 0) return invalid('The checklist is not valid.', errors);
  return { title, criteria };
}

/** The codes a command carries (CreateCampaign, PlanInspection): the same rules as a draft's. */
export function criterionCodesProblems(codes: unknown, field = 'criterionCodes'): FieldError[] {
  if (!Array.isArray(codes) || codes.length === 0 || codes.length > LIMITS.checklist.criteria) {
    return [{ field, message: `must list 1 to ${LIMITS.checklist.criteria} criterion codes` }];
  }
  const errors: FieldError[] = [];
  codes.forEach((code, index) => {
    const problem = criterionCodeProblem(code) ?? (typeof code === 'string' && code !== code.trim() ? 'must be trimmed' : undefined);
    if (problem) errors.push({ field: `${field}.${index}`, message: problem });
  });
  if (errors.length === 0 && new Set(codes).size !== codes.length) errors.push({ field, message: 'must not name a code twice' });
  return errors;
}
