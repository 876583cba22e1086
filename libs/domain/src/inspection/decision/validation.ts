/**
 * Whether what a command carries makes sense (400): texts, dates, windows, finding content and
 * evidence, each refused with the field it concerns. The bounds come from LIMITS, which the API's
 * DTOs share.
 */
import { Evidence, FindingContent, SEVERITIES, VisitWindow } from '../model';
import { FindingState, InspectionState } from '../state';
import { deadlineAfter, WorkingCalendar } from '../../calendar';
import { criterionCodesOf } from '../../checklist/templates';
import { LIMITS } from '../../shared/limits';
import { FieldError, invalid, isRejection, Rejection } from '../../shared/rejection';
import { isStorableText } from '../../shared/text';
import { dueInstant, iso, startInstant } from '../../shared/time';

export const DATE_HINT = 'must be a date (YYYY-MM-DD) or a date-time with an offset (ISO 8601)';

export const FINDING_CONTENT_KEYS = ['criterionCode', 'severity', 'description', 'evidence', 'people'] as const;

/** A trimmed text of at most `max` characters that the event log can store; empty only if allowed. */
export function requireText(value: unknown, field: string, max: number, options: { allowEmpty?: boolean } = {}): string | Rejection {
  if (typeof value !== 'string' && !(options.allowEmpty && value === undefined)) {
    return invalid(`${field} is required.`, [{ field, message: 'must be a text' }]);
  }
  const text = (value ?? '').trim();
  if (!isStorableText(text)) return invalid(`${field} contains characters that cannot be stored.`, [{ field, message: 'must not contain NUL characters or lone surrogates' }]);
  if (!options.allowEmpty && text === '') return invalid(`${field} is required.`, [{ field, message: 'must not be empty' }]);
  if (text.length > max) return invalid(`${field} is too long.`, [{ field, message: `must be at most ${max} characters` }]);
  return text;
}

/** Checks a visit window and resolves it to instants; it must end in the future. */
export function resolveWindow(windowStart: string, windowEnd: string, now: Date, fieldPrefix = ''): VisitWindow | Rejection {
  const opensAt = startInstant(windowStart);
  const closesAt = dueInstant(windowEnd);
  const errors: FieldError[] = [];
  if (!opensAt) errors.push({ field: `${fieldPrefix}windowStart`, message: DATE_HINT });
  if (!closesAt) errors.push({ field: `${fieldPrefix}windowEnd`, message: DATE_HINT });
  if (opensAt && closesAt && closesAt.getTime() < opensAt.getTime()) {
    errors.push({ field: `${fieldPrefix}windowEnd`, message: 'must not be before windowStart' });
  }
  if (closesAt && closesAt.getTime() <= now.getTime()) {
    errors.push({ field: `${fieldPrefix}windowEnd`, message: 'must be in the future' });
  }
  if (errors.length > 0 || !opensAt || !closesAt) return invalid('Invalid visit window.', errors);
  return { windowStart, windowEnd, opensAt: iso(opensAt), closesAt: iso(closesAt) };
}

/** A corrective action's due date: in the future, and no later than the campaign policy allows. */
export function validateDueDate(input: string, field: string, now: Date, s: InspectionState, calendar: WorkingCalendar): Date | Rejection {
  const dueAt = typeof input === 'string' ? dueInstant(input) : undefined;
  if (!dueAt) return invalid('Invalid due date.', [{ field, message: DATE_HINT }]);
  if (dueAt.getTime() <= now.getTime()) return invalid('A due date must be in the future.', [{ field, message: 'must be after today' }]);
  const latest = deadlineAfter(now, s.policy.remediationMaxDeadline, calendar);
  if (dueAt.getTime() > latest.getTime()) {
    return invalid('The due date is beyond what the campaign policy allows.', [{ field, message: `must be no later than ${iso(latest)}` }]);
  }
  return dueAt;
}

export function validateFindingContent(s: InspectionState, content: FindingContent): FindingContent | Rejection {
  const errors: FieldError[] = [];
  if (typeof content.criterionCode !== 'string' || !criterionCodesOf(s)?.includes(content.criterionCode)) {
    errors.push({ field: 'criterionCode', message: `must be a criterion of checklist ${s.checklistVersion}` });
  }
  if (!SEVERITIES.includes(content.severity)) errors.push({ field: 'severity', message: `must be one of ${SEVERITIES.join(', ')}` });
  const description = requireText(content.description, 'description', LIMITS.text.long);
  if (isRejection(description)) errors.push(...(description.errors ?? []));
  const evidence = validateEvidence(content.evidence, LIMITS.finding.evidence);
  if (isRejection(evidence)) errors.push(...(evidence.errors ?? []));
  const people = Array.isArray(content.people) ? content.people : [];
  const maxPeople = LIMITS.finding.people;
  if (
    !Array.isArray(content.people) ||
    people.length > maxPeople ||
    people.some((p) => typeof p !== 'string' || p.trim() === '' || p.length > LIMITS.text.short || !isStorableText(p))
  ) {
    errors.push({ field: 'people', message: `must be a list of at most ${maxPeople} names` });
  }
  if (errors.length > 0 || isRejection(description) || isRejection(evidence)) return invalid('The finding is not valid.', errors);
  return { criterionCode: content.criterionCode, severity: content.severity, description, evidence, people: people.map((p) => p.trim()) };
}

/** Evidence is a list of `{ attachmentId }` or `{ text }`, at most `max` of them. */
export function validateEvidence(evidence: readonly Evidence[], max: number): Evidence[] | Rejection {
  if (!Array.isArray(evidence) || evidence.length > max) {
    return invalid('Invalid evidence.', [{ field: 'evidence', message: `must be a list of at most ${max} items` }]);
  }
  const errors: FieldError[] = [];
  const cleaned = evidence.map((item, index) => {
    if (item && 'attachmentId' in item && typeof item.attachmentId === 'string' && item.attachmentId.length > 0) {
      return { attachmentId: item.attachmentId };
    }
    if (item && 'text' in item && typeof item.text === 'string' && item.text.trim() !== '' && item.text.length <= LIMITS.text.long && isStorableText(item.text)) {
      return { text: item.text.trim() };
    }
    errors.push({ field: `evidence.${index}`, message: 'must be { attachmentId } or { text }' });
    return item;
  });
  return errors.length > 0 ? invalid('Invalid evidence.', errors) : cleaned;
}

export function pickContent(f: FindingState): FindingContent {
  return { criterionCode: f.criterionCode, severity: f.severity, description: f.description, evidence: f.evidence, people: f.people };
}
