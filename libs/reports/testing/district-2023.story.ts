/**
 * The district of the domain story, summer 2023: one campaign of five units run by `lead`, and a
 * second campaign (another team) that has only planned a follow-up visit to Bình Khánh.
 *
 *   XA-BK   (a1) visited 1/8; 3 findings, one withdrawn; rated fair; answered on time; one action
 *                verified, the other (due 30/8) still open → overdue.
 *   PNV     (a2) visited 7/8; 1 critical finding; rated poor with nothing to remedy → closed 9/8.
 *   TT-CT   (a3) visited 9–10/8; 3 findings; conclusion due 31/8 never submitted → overdue.
 *   XA-LH   (a4) visited 16/8; rated poor; response due 5/9 never came → overdue, case opened 6/9.
 *   BQL-RPH (a5) planned for late September.
 *   XA-BK   (b1) planned by the other team for October.
 *
 * Deadlines follow the 2023 calendar (1/9 and 4/9 were days off): a3's conclusion, 15 working
 * days after 10/8, is due 31/8; a4's response, 10 working days after 18/8, is due 5/9.
 */
import { UnitDirectory } from '../src/input';
import { OTHER_TEAM, ReportWorld } from './scenario';

export const U = { bk: 'unit-bk', pnv: 'unit-pnv', ct: 'unit-ct', lh: 'unit-lh', rph: 'unit-rph' } as const;

export const UNITS: UnitDirectory = new Map([
  [U.bk, { code: 'XA-BK', name: 'Xã Bình Khánh' }],
  [U.pnv, { code: 'PNV', name: 'Phòng Nội vụ' }],
  [U.ct, { code: 'TT-CT', name: 'Thị trấn Cần Thạnh' }],
  [U.lh, { code: 'XA-LH', name: 'Xã Long Hòa' }],
  [U.rph, { code: 'BQL-RPH', name: 'Ban Quản lý rừng phòng hộ' }],
]);

export const LEGAL_BASIS = 'Kế hoạch số 123/KH-UBND ngày 15/01/2023 của Ủy ban nhân dân huyện Cần Giờ';

export function district2023() {
  const w = new ReportWorld();
  const c1 = w.campaign(
    { id: 'campaign-1', title: 'Kiểm tra công vụ đột xuất năm 2023', year: 2023, legalBasis: LEGAL_BASIS },
    '2023-07-20 08:00',
  );
  const plan = (unitId: string, windowStart: string, windowEnd: string) =>
    w.plan({ campaignId: c1, unitId, year: 2023, windowStart, windowEnd }, '2023-07-20 09:00');
  const a1 = plan(U.bk, '2023-08-01', '2023-08-05');
  const a2 = plan(U.pnv, '2023-08-07', '2023-08-08');
  const a3 = plan(U.ct, '2023-08-09', '2023-08-10');
  const a4 = plan(U.lh, '2023-08-16', '2023-08-16');
  const a5 = plan(U.rph, '2023-09-20', '2023-09-30');
  const c2 = w.campaign(
    { id: 'campaign-2', title: 'Kiểm tra lại', year: 2023, legalBasis: 'Kế hoạch số 200/KH-UBND', team: OTHER_TEAM },
    '2023-07-21 08:00',
  );
  const b1 = w.plan(
    { campaignId: c2, unitId: U.bk, year: 2023, windowStart: '2023-10-02', windowEnd: '2023-10-06', team: OTHER_TEAM },
    '2023-07-21 09:00',
  );

  // a1: Xã Bình Khánh
  w.start(a1, '2023-08-01 08:30');
  const a1f1 = w.finding(a1, 'KL-01', 'major', '2023-08-01 09:00');
  const a1f2 = w.finding(a1, 'UX-01', 'minor', '2023-08-01 09:30');
  const a1f3 = w.finding(a1, 'KL-01', 'minor', '2023-08-01 10:00');
  w.withdraw(a1, a1f3, '2023-08-01 10:30');
  w.endVisit(a1, '2023-08-02 16:00');
  w.conclude(
    a1,
    'fair',
    [
      { findingId: a1f1, dueDate: '2023-09-30' },
      { findingId: a1f2, dueDate: '2023-09-30' },
    ],
    '2023-08-03 10:00',
  );
  w.approve(a1, '2023-08-04 15:00');
  const a1actions = w.respond(
    a1,
    [
      { findingId: a1f1, dueDate: '2023-08-25' },
      { findingId: a1f2, dueDate: '2023-08-30' },
    ],
    '2023-08-10 09:00',
  );
  w.reportAction(a1, a1actions[a1f1], '2023-08-24 10:00');
  w.verify(a1, a1actions[a1f1], '2023-08-28 10:00');
  w.markActionOverdue(a1, a1actions[a1f2], '2023-08-31 08:00');

  // a2: Phòng Nội vụ
  w.start(a2, '2023-08-07 08:30');
  w.finding(a2, 'TT-01', 'critical', '2023-08-07 09:00');
  w.endVisit(a2, '2023-08-07 11:00');
  w.conclude(a2, 'poor', [], '2023-08-08 10:00');
  w.approve(a2, '2023-08-09 10:00');

  // a3: Thị trấn Cần Thạnh
  w.start(a3, '2023-08-09 08:30');
  w.finding(a3, 'VH-01', 'minor', '2023-08-09 09:00');
  w.finding(a3, 'TS-01', 'major', '2023-08-09 09:30');
  w.finding(a3, 'KL-01', 'minor', '2023-08-09 10:00');
  w.endVisit(a3, '2023-08-10 16:00');
  w.markConclusionOverdue(a3, '2023-09-01 08:00');

  // a4: Xã Long Hòa
  w.start(a4, '2023-08-16 08:30');
  const a4f1 = w.finding(a4, 'LD-02', 'critical', '2023-08-16 09:00');
  w.endVisit(a4, '2023-08-16 15:00');
  w.conclude(a4, 'poor', [{ findingId: a4f1, dueDate: '2023-10-31' }], '2023-08-17 10:00');
  w.approve(a4, '2023-08-18 10:00');
  w.markResponseOverdue(a4, '2023-09-06 00:00');

  return { world: w, campaigns: { c1, c2 }, inspections: { a1, a2, a3, a4, a5, b1 }, findings: { a1f1, a1f2, a4f1 }, actions: a1actions };
}
