import { LIMITS } from '../shared/limits';
import { isRejection, Rejection } from '../shared/rejection';
import { criterionCodesOf, DEMO_CHECKLIST_2023 } from './templates';
import { criterionCodesProblems, validateChecklistDraft } from './validation';

const criterion = (code: string, change: Record<string, unknown> = {}) => ({
  code,
  nameVi: 'Chấp hành giờ làm việc',
  name: 'Working hours kept',
  groupVi: 'Nhóm 1',
  group: 'Group 1',
  ...change,
});

function refused(result: unknown): Rejection {
  if (!isRejection(result)) throw new Error(`expected a rejection, got ${JSON.stringify(result)}`);
  return result;
}
const fields = (result: unknown) => refused(result).errors?.map((e) => e.field);

describe('a new checklist version', () => {
  it('takes any code format (numbers, words, Vietnamese) and returns the draft trimmed', () => {
    const draft = validateChecklistDraft({ title: '  Bộ tiêu chí 2025 ', criteria: [criterion(' 1.1 '), criterion('Điều 5.a'), criterion('KL-01', { nameVi: '  Giờ làm việc ' })] });
    expect(draft).toEqual({
      title: 'Bộ tiêu chí 2025',
      criteria: [criterion('1.1'), criterion('Điều 5.a'), criterion('KL-01', { nameVi: 'Giờ làm việc' })],
    });
  });

  it('refuses a code twice, naming both places', () => {
    const result = refused(validateChecklistDraft({ title: 'T', criteria: [criterion('A'), criterion('B'), criterion('A')] }));
    expect(result.errors).toEqual([{ field: 'criteria.2.code', message: 'appears twice in this version (also criteria.0.code)' }]);
  });

  it('counts a code written with decomposed marks as the same code', () => {
    expect(fields(validateChecklistDraft({ title: 'T', criteria: [criterion('Đ\u1ec1'), criterion('Đe\u0302\u0300')] }))).toEqual(['criteria.1.code']);
  });

  it.each([
    ['an empty name', criterion('A', { nameVi: '  ' }), 'criteria.0.nameVi'],
    ['a missing English name', criterion('A', { name: undefined }), 'criteria.0.name'],
    ['a group too long', criterion('A', { group: 'g'.repeat(LIMITS.checklist.group + 1) }), 'criteria.0.group'],
    ['a name too long', criterion('A', { groupVi: 'Nhóm', nameVi: 'n'.repeat(LIMITS.checklist.name + 1) }), 'criteria.0.nameVi'],
    ['an empty code', criterion(' '), 'criteria.0.code'],
    ['a code too long', criterion('c'.repeat(LIMITS.checklist.code + 1)), 'criteria.0.code'],
    ['a code with a control character', criterion('A\u0000B'), 'criteria.0.code'],
    ['a code that is not a text', criterion(7 as never), 'criteria.0.code'],
  ])('refuses %s', (_what, c, field) => {
    expect(fields(validateChecklistDraft({ title: 'T', criteria: [c] }))).toEqual([field]);
  });

  it('refuses no criteria, too many, and a missing title, all at once where it can', () => {
    expect(fields(validateChecklistDraft({ title: '', criteria: [] }))).toEqual(['title', 'criteria']);
    expect(fields(validateChecklistDraft({ title: 'T', criteria: Array.from({ length: LIMITS.checklist.criteria + 1 }, (_, i) => criterion(`C${i}`)) }))).toEqual(['criteria']);
    expect(fields(validateChecklistDraft({ title: 'T', criteria: 'KL-01' }))).toEqual(['criteria']);
  });

  it('the demo version passes its own rules', () => {
    expect(isRejection(validateChecklistDraft(DEMO_CHECKLIST_2023))).toBe(false);
  });
});

describe('the criterion codes a command carries', () => {
  it.each([
    ['none', [], ['criterionCodes']],
    ['not a list', 'A', ['criterionCodes']],
    ['one twice', ['A', 'B', 'A'], ['criterionCodes']],
    ['one untrimmed', ['A', ' B'], ['criterionCodes.1']],
    ['one empty', [''], ['criterionCodes.0']],
  ])('refuses %s', (_what, codes, expected) => {
    expect(criterionCodesProblems(codes).map((e) => e.field)).toEqual(expected);
  });

  it('accepts any distinct short texts', () => {
    expect(criterionCodesProblems(['1', 'Điều 2', 'x-y.z'])).toEqual([]);
  });
});

describe('which codes an inspection accepts', () => {
  it('those its events carry, else those of the compiled demo version it names, else none', () => {
    expect(criterionCodesOf({ checklistVersion: 'x.1', criterionCodes: ['A'] })).toEqual(['A']);
    expect(criterionCodesOf({ checklistVersion: 'demo-2023.1' })).toEqual(DEMO_CHECKLIST_2023.criteria.map((c) => c.code));
    expect(criterionCodesOf({ checklistVersion: 'x.1' })).toBeUndefined();
  });
});
