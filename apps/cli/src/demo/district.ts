import { UnitKind } from '@inspectorate/directory';

/**
 * The demo district (demo-data.md): real kinds of units of a district of Ho Chi Minh City.
 * The people and accounts seeded with them are invented.
 */
export interface DemoUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
}

/** The demo district's authority, as its documents name it (the chairman is invented). */
export const DEMO_AUTHORITY = {
  name: 'ỦY BAN NHÂN DÂN HUYỆN CẦN GIỜ',
  inspectionBodyName: 'ĐOÀN KIỂM TRA CÔNG VỤ',
  place: 'Cần Giờ',
  chairmanName: 'Nguyễn Văn Chủ (demo)',
  chairmanTitle: 'CHỦ TỊCH',
} as const;

export const DEMO_UNITS: readonly DemoUnit[] = [
  { code: 'TT-CAN-THANH', name: 'Thị trấn Cần Thạnh', kind: 'town' },
  { code: 'XA-BINH-KHANH', name: 'Xã Bình Khánh', kind: 'commune' },
  { code: 'XA-AN-THOI-DONG', name: 'Xã An Thới Đông', kind: 'commune' },
  { code: 'XA-TAM-THON-HIEP', name: 'Xã Tam Thôn Hiệp', kind: 'commune' },
  { code: 'XA-LY-NHON', name: 'Xã Lý Nhơn', kind: 'commune' },
  { code: 'XA-LONG-HOA', name: 'Xã Long Hòa', kind: 'commune' },
  { code: 'XA-THANH-AN', name: 'Xã Thạnh An', kind: 'commune' },
  { code: 'VP-HDND-UBND', name: 'Văn phòng HĐND và UBND huyện', kind: 'department' },
  { code: 'P-NOI-VU', name: 'Phòng Nội vụ', kind: 'department' },
  { code: 'P-TU-PHAP', name: 'Phòng Tư pháp', kind: 'department' },
  { code: 'P-TAI-CHINH-KE-HOACH', name: 'Phòng Tài chính – Kế hoạch', kind: 'department' },
  { code: 'P-TAI-NGUYEN-MOI-TRUONG', name: 'Phòng Tài nguyên và Môi trường', kind: 'department' },
  { code: 'P-QUAN-LY-DO-THI', name: 'Phòng Quản lý đô thị', kind: 'department' },
  { code: 'P-KINH-TE', name: 'Phòng Kinh tế', kind: 'department' },
  { code: 'P-VAN-HOA-THONG-TIN', name: 'Phòng Văn hóa và Thông tin', kind: 'department' },
  { code: 'P-GIAO-DUC-DAO-TAO', name: 'Phòng Giáo dục và Đào tạo', kind: 'department' },
  { code: 'P-Y-TE', name: 'Phòng Y tế', kind: 'department' },
  { code: 'P-LAO-DONG-TBXH', name: 'Phòng Lao động – Thương binh và Xã hội', kind: 'department' },
  { code: 'BQL-DA-DTXD', name: 'Ban Quản lý dự án đầu tư xây dựng khu vực huyện', kind: 'public_service_unit' },
];

export interface DemoStaff {
  readonly username: string;
  readonly displayName: string;
  readonly role: 'admin' | 'lead_inspector' | 'inspector' | 'chairman';
}

/** Invented people: any likeness to real officials is unintended. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống (demo)', role: 'admin' },
  { username: 'truongdoan', displayName: 'Trần Văn Đoàn (trưởng đoàn, demo)', role: 'lead_inspector' },
  { username: 'kiemtra1', displayName: 'Lê Thị Kiểm (thành viên, demo)', role: 'inspector' },
  { username: 'kiemtra2', displayName: 'Phạm Văn Tra (thành viên, demo)', role: 'inspector' },
  { username: 'chutich', displayName: 'Nguyễn Văn Chủ (Chủ tịch UBND huyện, demo)', role: 'chairman' },
];

/** Each unit's head logs in as `th.<code in lower case>`, e.g. th.xa-binh-khanh. */
export function unitHeadUsername(code: string): string {
  return `th.${code.toLowerCase()}`;
}
