import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const I18N = path.resolve(__dirname, '..', 'src', 'i18n');
const LANGUAGES = ['vi', 'en'] as const;

/** Every leaf key of a catalogue, as a.b.c; plural forms (_one, _other) count as their base key. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix.replace(/_(zero|one|two|few|many|other)$/, '')];
  if (typeof value !== 'object' || value === null) throw new Error(`${prefix}: not a string or an object`);
  return Object.entries(value).flatMap(([key, item]) => keysOf(item, prefix ? `${prefix}.${key}` : key));
}

const catalogue = (language: string, feature: string) => JSON.parse(readFileSync(path.join(I18N, language, feature), 'utf8')) as unknown;
const features = (language: string) => readdirSync(path.join(I18N, language)).filter((file) => file.endsWith('.json')).sort();

describe('the console message catalogues', () => {
  it('have the same features in Vietnamese and English', () => {
    expect(features('en')).toEqual(features('vi'));
    expect(features('vi').length).toBeGreaterThanOrEqual(3);
  });

  it.each(features('vi'))('%s: every key exists in both languages, and no message is empty', (feature) => {
    const [vi, en] = LANGUAGES.map((language) => [...new Set(keysOf(catalogue(language, feature)))].sort());
    expect({ feature, missingInEnglish: vi.filter((key) => !en.includes(key)), missingInVietnamese: en.filter((key) => !vi.includes(key)) }).toEqual({
      feature,
      missingInEnglish: [],
      missingInVietnamese: [],
    });
    for (const language of LANGUAGES) {
      const empty = JSON.stringify(catalogue(language, feature)).match(/"[^"]+":""/g) ?? [];
      expect({ language, feature, empty }).toEqual({ language, feature, empty: [] });
    }
  });

  it('uses the words of console.md for the main actions', () => {
    const all = (language: string) => features(language).map((feature) => readFileSync(path.join(I18N, language, feature), 'utf8')).join('\n');
    for (const word of ['Đăng nhập', 'Tên đăng nhập', 'Mật khẩu', 'Việc của tôi', 'English']) expect(all('vi')).toContain(`"${word}"`);
    for (const word of ['Log in', 'Username', 'Password', 'My work', 'Tiếng Việt']) expect(all('en')).toContain(`"${word}"`);
  });
});
