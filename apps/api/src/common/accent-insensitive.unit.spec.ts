import { foldForSearch as foldAccents } from '@inspectorate/read-model';
import { containsPattern, FOLD_PARAMETERS } from './accent-insensitive';

describe('accent-insensitive search', () => {
  it('folds Vietnamese letters, tones and case to plain lower-case letters', () => {
    expect(foldAccents('Cần Thạnh')).toBe('can thanh');
    expect(foldAccents('ĐỖ Thị Hường')).toBe('do thi huong');
    expect(foldAccents('Nguyễn Văn Đức')).toBe('nguyen van duc');
    // Decomposed input (combining marks) folds the same way.
    expect(foldAccents('Cần Thạnh'.normalize('NFD'))).toBe('can thanh');
  });

  it('the SQL table folds exactly what foldAccents folds, letter for letter', () => {
    const { foldFrom, foldTo } = FOLD_PARAMETERS;
    expect([...foldFrom].length).toBe([...foldTo].length);
    [...foldFrom].forEach((letter, i) => expect(foldAccents(letter)).toBe([...foldTo][i]));
    for (const letter of 'ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐ') expect(foldFrom).toContain(letter);
  });

  it('takes the caller’s LIKE wildcards literally', () => {
    expect(containsPattern('50%_x\\')).toBe('%50\\%\\_x\\\\%');
  });
});
