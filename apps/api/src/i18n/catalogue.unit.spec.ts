import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INSPECTION_STATUSES, ROLES } from '@inspectorate/domain';
import {
  ACTION_PHRASES,
  ACTION_STATUS_NAMES,
  DETAIL_MESSAGES,
  EXTENSION_STATUS_NAMES,
  FIELD_MESSAGES,
  OUTCOME_NAMES,
  Phrase,
  PROBLEM_TITLES,
  ROLE_NAMES,
  STATUS_NAMES,
  SUBJECT_NAMES,
} from './catalogue';
import { localizeProblem, requestedLanguage, translateDetail, translateFieldMessage } from './localize';

const placeholders = (text: string) => [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();

const ALL: Record<string, readonly Phrase[]> = {
  PROBLEM_TITLES: Object.values(PROBLEM_TITLES),
  STATUS_NAMES: Object.values(STATUS_NAMES),
  ACTION_STATUS_NAMES: Object.values(ACTION_STATUS_NAMES),
  EXTENSION_STATUS_NAMES: Object.values(EXTENSION_STATUS_NAMES),
  OUTCOME_NAMES: Object.values(OUTCOME_NAMES),
  ROLE_NAMES: Object.values(ROLE_NAMES),
  ACTION_PHRASES: Object.values(ACTION_PHRASES),
  SUBJECT_NAMES: Object.values(SUBJECT_NAMES),
  DETAIL_MESSAGES,
  FIELD_MESSAGES,
};

describe('the message catalogue', () => {
  it.each(Object.entries(ALL))('%s: every entry has both languages, with the same placeholders, and really is translated', (_name, phrases) => {
    for (const phrase of phrases) {
      expect({ en: phrase.en, ok: phrase.en.trim().length > 0 && phrase.vi.trim().length > 0 }).toEqual({ en: phrase.en, ok: true });
      expect({ en: phrase.en, vi: placeholders(phrase.vi) }).toEqual({ en: phrase.en, vi: placeholders(phrase.en) });
      expect({ en: phrase.en, same: phrase.vi === phrase.en }).toEqual({ en: phrase.en, same: false });
    }
  });

  it('names every inspection status and every role', () => {
    expect(Object.keys(STATUS_NAMES).sort()).toEqual([...INSPECTION_STATUSES].sort());
    expect(Object.keys(ROLE_NAMES).sort()).toEqual([...ROLES].sort());
  });

  it('translates every action the domain names in its refusals ("Cannot …", "Only … may …")', () => {
    const decide = readFileSync(path.join(__dirname, '../../../../libs/domain/src/inspection/decide.ts'), 'utf8');
    const used = new Set([
      ...[...decide.matchAll(/require(?:Lead|Chairman|UnitHead|TeamMember)\([^)]*?'([^']+)'\)/g)].map((m) => m[1]),
      ...[...decide.matchAll(/requireStatus\(s, \[[^\]]*\], '([^']+)'\)/g)].map((m) => m[1]),
    ]);
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((what) => !(what in ACTION_PHRASES))).toEqual([]);
  });
});

describe('localizing problems', () => {
  it('picks vi or en from Accept-Language by weight, and nothing for other languages', () => {
    expect(requestedLanguage('vi')).toBe('vi');
    expect(requestedLanguage('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(requestedLanguage('fr-FR, en;q=0.5, vi;q=0.4')).toBe('en');
    expect(requestedLanguage('fr, de')).toBeUndefined();
    expect(requestedLanguage(undefined)).toBeUndefined();
    expect(requestedLanguage('vi;q=0')).toBeUndefined();
  });

  it('renders a refusal for the state with the state names translated', () => {
    expect(translateDetail('Cannot start the visit: the inspection is in_progress (it must be planned).', 'vi')).toBe(
      'Không thể bắt đầu kiểm tra: cuộc kiểm tra đang ở trạng thái “Đang kiểm tra” (cần ở trạng thái “Đã lên kế hoạch”).',
    );
    expect(translateDetail('Cannot schedule a follow-up inspection: the inspection is drafting (it must be remediating or closed).', 'vi')).toBe(
      'Không thể lên lịch kiểm tra lại: cuộc kiểm tra đang ở trạng thái “Đang dự thảo kết luận” (cần ở trạng thái “Đang khắc phục” hoặc “Đã hoàn thành”).',
    );
  });

  it('renders field problems and the detail listing them', () => {
    const problem = localizeProblem(
      {
        type: 'urn:inspectorate:problem:invalid-request',
        title: 'Invalid request',
        status: 400,
        detail: 'The request is not valid: language must be one of the following values: vi, en; displayName must be at most 200 characters',
        errors: [
          { field: 'language', message: 'must be one of the following values: vi, en' },
          { field: 'displayName', message: 'must be at most 200 characters' },
        ],
      },
      'vi',
    );
    expect(problem).toMatchObject({
      title: 'Yêu cầu không hợp lệ',
      detail: 'Yêu cầu không hợp lệ: language phải là một trong các giá trị: vi, en; displayName không được dài quá 200 ký tự',
      errors: [
        { field: 'language', message: 'phải là một trong các giá trị: vi, en' },
        { field: 'displayName', message: 'không được dài quá 200 ký tự' },
      ],
    });
  });

  it('keeps English as it is, and an uncatalogued message in English rather than blank', () => {
    expect(translateDetail('The inspection was not found.', 'en')).toBe('The inspection was not found.');
    expect(translateDetail('The inspection was not found.', 'vi')).toBe('Không tìm thấy cuộc kiểm tra.');
    expect(translateDetail('A message nobody catalogued.', 'vi')).toBe('A message nobody catalogued.');
    expect(translateFieldMessage('must be a UUID', 'vi')).toBe('phải là mã định danh (UUID)');
  });
});
