import type { Phrase } from './catalogue';

/**
 * The import's own sentences (apps/api/src/imports): a file that cannot be read (both the
 * problem's detail and the file field's message), and each row's error of a dry run or a refused
 * apply. Kept apart from catalogue.ts, which holds the rest of the API's messages.
 */
export const IMPORT_FILE_PHRASES: readonly Phrase[] = [
  { en: 'The file is neither an Excel workbook (.xlsx) nor UTF-8 text (CSV). Save the CSV as "CSV UTF-8".', vi: 'Tệp không phải sổ tính Excel (.xlsx) cũng không phải văn bản UTF-8 (CSV). Hãy lưu tệp CSV theo dạng "CSV UTF-8".' },
  { en: 'The file looks like a zip archive but is not a readable Excel workbook (.xlsx).', vi: 'Tệp có dạng nén zip nhưng không đọc được như sổ tính Excel (.xlsx).' },
  { en: 'The workbook has no sheet.', vi: 'Sổ tính không có trang tính nào.' },
  { en: 'The sheet has more than {n} rows.', vi: 'Trang tính có hơn {n} dòng.' },
  { en: 'The file has more than {n} rows.', vi: 'Tệp có hơn {n} dòng.' },
  { en: 'The CSV has a quoted field that never ends (from row {n}).', vi: 'Tệp CSV có một ô mở ngoặc kép mà không đóng (từ dòng {n}).' },
];

export const IMPORT_DETAIL_PHRASES: readonly Phrase[] = [
  ...IMPORT_FILE_PHRASES,
  { en: 'The file is empty.', vi: 'Tệp không có nội dung.' },
  { en: 'The file has {n} error(s); nothing was imported. A dry run lists them.', vi: 'Tệp có {n} lỗi; chưa nhập gì. Kiểm tra tệp để xem từng lỗi.' },
  {
    en: 'A unit code or username of the file was taken by another change at the same moment; nothing was imported. Run the import again.',
    vi: 'Một mã đơn vị hoặc tên đăng nhập trong tệp vừa được một thay đổi khác dùng cùng lúc; chưa nhập gì. Hãy nhập lại.',
  },
];

export const IMPORT_FIELD_PHRASES: readonly Phrase[] = [
  ...IMPORT_FILE_PHRASES,
  { en: 'is required: a row is a unit (code, name, kind), a person (username, name, role), or both', vi: 'là bắt buộc: mỗi dòng là một đơn vị (mã, tên, loại), một người (tên đăng nhập, họ và tên, vai trò), hoặc cả hai' },
  { en: 'is required for a unit', vi: 'là bắt buộc với một đơn vị' },
  { en: 'is already defined on row {n}', vi: 'đã được khai báo ở dòng {n}' },
  { en: 'is required for a person', vi: 'là bắt buộc với một người' },
  { en: 'is already on row {n}', vi: 'đã có ở dòng {n}' },
  { en: 'is required for a unit head: the unit they head', vi: 'là bắt buộc với thủ trưởng đơn vị: đơn vị người đó đứng đầu' },
  { en: 'only a unit head belongs to a unit: put other staff on a row of their own, without a unit', vi: 'chỉ thủ trưởng đơn vị mới thuộc một đơn vị: hãy ghi cán bộ khác trên một dòng riêng, không có đơn vị' },
  {
    en: 'the account {username} exists with the role {role}; an import does not change roles (edit the account instead)',
    vi: 'tài khoản {username} đã có với vai trò {role}; nhập từ tệp không đổi vai trò (hãy sửa tài khoản)',
  },
  { en: 'names no unit: {code} neither exists nor is defined in the file', vi: 'không chỉ tới đơn vị nào: {code} chưa có trong danh mục và không được khai báo trong tệp' },
  { en: 'is longer than {n} characters', vi: 'dài quá {n} ký tự' },
  { en: 'contains control characters', vi: 'chứa ký tự điều khiển' },
];
