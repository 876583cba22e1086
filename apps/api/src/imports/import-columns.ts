import { Role, ROLES } from '@inspectorate/domain';
import { UNIT_KINDS, UnitKind } from '@inspectorate/directory';
import { foldForSearch } from '@inspectorate/read-model';

/**
 * The columns of an import file (units and staff, one row each or both on one row: a unit and
 * its head), with their Vietnamese headers. A file names them in its first row, in any order;
 * a header may also be the column's key (`unitCode` …).
 */
export const IMPORT_COLUMNS = [
  { key: 'unitCode', header: 'Mã đơn vị' },
  { key: 'unitName', header: 'Tên đơn vị' },
  { key: 'unitKind', header: 'Loại đơn vị' },
  { key: 'username', header: 'Tên đăng nhập' },
  { key: 'displayName', header: 'Họ và tên' },
  { key: 'role', header: 'Vai trò' },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];
export type ImportCells = Record<ImportColumn, string>;

export const HEADER_OF: Record<ImportColumn, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<ImportColumn, string>;

/** The words a file may use for a unit's kind, besides the API's own value. */
export const KIND_LABELS: Record<UnitKind, string> = {
  department: 'Phòng ban',
  commune: 'Xã',
  town: 'Thị trấn',
  public_service_unit: 'Đơn vị sự nghiệp',
};

/** The words a file may use for a role, besides the API's own value. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị viên',
  inspector: 'Thành viên đoàn kiểm tra',
  lead_inspector: 'Trưởng đoàn kiểm tra',
  unit_head: 'Thủ trưởng đơn vị',
  chairman: 'Chủ tịch',
};

/** The column a header names, however it is accented or cased; undefined for an unknown one. */
export function columnOf(header: string): ImportColumn | undefined {
  const folded = foldForSearch(header);
  return IMPORT_COLUMNS.find((c) => foldForSearch(c.header) === folded || c.key.toLowerCase() === folded)?.key;
}

export function kindOf(text: string): UnitKind | undefined {
  const folded = foldForSearch(text);
  return UNIT_KINDS.find((kind) => kind === folded || foldForSearch(KIND_LABELS[kind]) === folded);
}

export function roleOf(text: string): Role | undefined {
  const folded = foldForSearch(text);
  return ROLES.find((role) => role === folded || foldForSearch(ROLE_LABELS[role]) === folded);
}

/** The template's one example row: a commune and its head. */
export const EXAMPLE_ROW: ImportCells = {
  unitCode: 'XA-AN-BINH',
  unitName: 'Xã An Bình',
  unitKind: KIND_LABELS.commune,
  username: 'th.xa-an-binh',
  displayName: 'Nguyễn Văn A',
  role: ROLE_LABELS.unit_head,
};
