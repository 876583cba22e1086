import { Rating, Severity } from '@inspectorate/domain';

/**
 * The 2023 story of demo-data.md, as the records a team would enter: by 8 September 2023 the
 * campaign has visited 12 of its 16 target units; 7 inspections are closed, 2 await the unit's
 * response, 1 is overdue with an open accountability case, 1 has a disputed finding pending and
 * 1 is remediating; 4 units are still planned (secret). Dates are local days in Asia/Ho_Chi_Minh.
 */
export const STORY_AS_OF = '2023-09-08';

export const DEMO_CAMPAIGN = {
  title: 'Kiểm tra công vụ đột xuất năm 2023',
  year: 2023,
  legalBasis: 'Kế hoạch số 0123/KH-UBND ngày 10/02/2023 của Ủy ban nhân dân huyện (số hiệu minh hoạ, không có thật)',
  createdOn: '2023-02-15',
};

export interface StoryFinding {
  readonly key: string;
  readonly by: 'truongdoan' | 'kiemtra1' | 'kiemtra2';
  readonly criterionCode: string;
  readonly severity: Severity;
  readonly description: string;
  /** The corrective action the conclusion requires, if any. */
  readonly action?: { readonly requirement: string; readonly dueDate: string };
}

export interface StoryInspection {
  readonly unit: string;
  readonly window: readonly [string, string];
  readonly visit?: {
    readonly on: string;
    readonly findings: readonly StoryFinding[];
    readonly concludedOn: string;
    readonly rating: Rating;
    readonly summary: string;
    readonly dissent?: { readonly by: 'kiemtra1' | 'kiemtra2'; readonly text: string };
    readonly approvedOn?: string;
  };
  readonly response?: {
    readonly on: string;
    readonly disputed?: readonly { readonly finding: string; readonly explanation: string }[];
    /** Plan due dates for accepted findings (default: the required due date). */
    readonly planDue?: Readonly<Record<string, string>>;
  };
  readonly remediation?: readonly { readonly finding: string; readonly reportedOn: string; readonly verifiedOn: string; readonly rejectedFirst?: { readonly on: string; readonly reason: string; readonly newDueDate: string; readonly reportedAgainOn: string } }[];
}

const absent = (key: string, dueDate: string): StoryFinding => ({
  key,
  by: 'kiemtra1',
  criterionCode: 'KL-01',
  severity: 'major',
  description: 'Lúc 8 giờ 15 phút, 2 công chức chưa có mặt tại cơ quan, không có lý do.',
  action: { requirement: 'Chấn chỉnh kỷ luật giờ làm việc; tổ chức kiểm điểm các cá nhân vi phạm.', dueDate },
});
const badge = (key: string, dueDate: string): StoryFinding => ({
  key,
  by: 'kiemtra2',
  criterionCode: 'KL-02',
  severity: 'minor',
  description: '03 công chức không đeo thẻ công chức trong giờ làm việc.',
  action: { requirement: 'Nhắc nhở, yêu cầu đeo thẻ công chức theo quy định.', dueDate },
});
const lateFiles = (key: string, dueDate: string): StoryFinding => ({
  key,
  by: 'truongdoan',
  criterionCode: 'TT-01',
  severity: 'critical',
  description: '12 hồ sơ thủ tục hành chính giải quyết trễ hạn, không có văn bản xin lỗi người dân.',
  action: { requirement: 'Rà soát toàn bộ hồ sơ trễ hạn, gửi văn bản xin lỗi và khắc phục quy trình tiếp nhận.', dueDate },
});
const noRules = (key: string, dueDate: string): StoryFinding => ({
  key,
  by: 'kiemtra2',
  criterionCode: 'VH-01',
  severity: 'minor',
  description: 'Chưa niêm yết nội quy cơ quan tại khu vực tiếp dân.',
  action: { requirement: 'Niêm yết nội quy, quy chế văn hóa công sở.', dueDate },
});
const online = (key: string, dueDate: string): StoryFinding => ({
  key,
  by: 'kiemtra1',
  criterionCode: 'TT-02',
  severity: 'major',
  description: 'Bộ phận một cửa chưa hướng dẫn người dân nộp hồ sơ trực tuyến; tỷ lệ hồ sơ trực tuyến thấp.',
  action: { requirement: 'Bố trí công chức hướng dẫn dịch vụ công trực tuyến tại bộ phận một cửa.', dueDate },
});
const leadership = (key: string, dueDate: string): StoryFinding => ({
  key,
  by: 'truongdoan',
  criterionCode: 'LD-02',
  severity: 'major',
  description: 'Người đứng đầu chưa ban hành kế hoạch cải cách hành chính năm 2023 của đơn vị.',
  action: { requirement: 'Ban hành kế hoạch cải cách hành chính năm 2023 và phân công theo dõi.', dueDate },
});

export const DEMO_STORY: readonly StoryInspection[] = [
  {
    unit: 'XA-BINH-KHANH',
    window: ['2023-03-01', '2023-03-15'],
    visit: { on: '2023-03-07', findings: [absent('a', '2023-04-28'), badge('b', '2023-04-14')], concludedOn: '2023-03-13', rating: 'fair', summary: 'UBND xã cơ bản chấp hành quy định; còn tồn tại về kỷ luật giờ làm việc và đeo thẻ công chức.', approvedOn: '2023-03-16' },
    response: { on: '2023-03-22' },
    remediation: [
      { finding: 'a', reportedOn: '2023-04-12', verifiedOn: '2023-04-17' },
      { finding: 'b', reportedOn: '2023-03-31', verifiedOn: '2023-04-05' },
    ],
  },
  {
    unit: 'P-NOI-VU',
    window: ['2023-03-15', '2023-03-31'],
    visit: { on: '2023-03-21', findings: [badge('b', '2023-04-28')], concludedOn: '2023-03-24', rating: 'good', summary: 'Phòng Nội vụ chấp hành tốt giờ giấc, văn hóa công sở; một số công chức chưa đeo thẻ.', approvedOn: '2023-03-29' },
    response: { on: '2023-04-04' },
    remediation: [{ finding: 'b', reportedOn: '2023-04-14', verifiedOn: '2023-04-19' }],
  },
  {
    unit: 'TT-CAN-THANH',
    window: ['2023-04-03', '2023-04-21'],
    visit: {
      on: '2023-04-11',
      findings: [lateFiles('f', '2023-06-30'), online('o', '2023-06-15')],
      concludedOn: '2023-04-18',
      rating: 'poor',
      summary: 'Thị trấn còn nhiều hồ sơ thủ tục hành chính trễ hạn; việc hướng dẫn dịch vụ công trực tuyến chưa được quan tâm.',
      dissent: { by: 'kiemtra2', text: 'Đề nghị xếp loại trung bình, do đơn vị đã chủ động khắc phục một phần trong buổi kiểm tra.' },
      approvedOn: '2023-04-21',
    },
    response: { on: '2023-05-05' },
    remediation: [
      { finding: 'f', reportedOn: '2023-06-20', verifiedOn: '2023-06-26' },
      { finding: 'o', reportedOn: '2023-06-05', verifiedOn: '2023-06-09' },
    ],
  },
  {
    unit: 'P-TU-PHAP',
    window: ['2023-04-17', '2023-05-12'],
    visit: { on: '2023-04-25', findings: [noRules('r', '2023-05-31')], concludedOn: '2023-05-05', rating: 'good', summary: 'Phòng Tư pháp thực hiện tốt nhiệm vụ; cần niêm yết đầy đủ nội quy.', approvedOn: '2023-05-10' },
    response: { on: '2023-05-16' },
    remediation: [{ finding: 'r', reportedOn: '2023-05-24', verifiedOn: '2023-05-26' }],
  },
  {
    unit: 'XA-LY-NHON',
    window: ['2023-05-08', '2023-05-26'],
    visit: { on: '2023-05-16', findings: [absent('a', '2023-07-14'), leadership('l', '2023-07-31')], concludedOn: '2023-05-23', rating: 'fair', summary: 'UBND xã còn hạn chế về kỷ luật hành chính và trách nhiệm người đứng đầu trong cải cách hành chính.', approvedOn: '2023-05-26' },
    response: { on: '2023-06-02' },
    remediation: [
      { finding: 'a', reportedOn: '2023-06-23', verifiedOn: '2023-07-07', rejectedFirst: { on: '2023-06-27', reason: 'Chưa có biên bản kiểm điểm cá nhân vi phạm.', newDueDate: '2023-07-14', reportedAgainOn: '2023-07-05' } },
      { finding: 'l', reportedOn: '2023-07-03', verifiedOn: '2023-07-10' },
    ],
  },
  {
    unit: 'P-TAI-NGUYEN-MOI-TRUONG',
    window: ['2023-05-22', '2023-06-09'],
    visit: { on: '2023-05-30', findings: [], concludedOn: '2023-06-02', rating: 'good', summary: 'Phòng Tài nguyên và Môi trường chấp hành tốt các quy định; không có nội dung phải khắc phục.', approvedOn: '2023-06-07' },
  },
  {
    unit: 'XA-AN-THOI-DONG',
    window: ['2023-06-05', '2023-06-23'],
    visit: { on: '2023-06-13', findings: [badge('b', '2023-07-14'), noRules('r', '2023-07-14')], concludedOn: '2023-06-20', rating: 'fair', summary: 'UBND xã cần chấn chỉnh việc đeo thẻ công chức và niêm yết nội quy.', approvedOn: '2023-06-23' },
    response: { on: '2023-06-30' },
    remediation: [
      { finding: 'b', reportedOn: '2023-07-10', verifiedOn: '2023-07-13' },
      { finding: 'r', reportedOn: '2023-07-10', verifiedOn: '2023-07-13' },
    ],
  },
  {
    unit: 'P-KINH-TE',
    window: ['2023-06-19', '2023-07-07'],
    visit: { on: '2023-06-27', findings: [online('o', '2023-10-31'), absent('a', '2023-09-29')], concludedOn: '2023-07-04', rating: 'fair', summary: 'Phòng Kinh tế cần tăng cường hướng dẫn dịch vụ công trực tuyến và chấn chỉnh kỷ luật giờ làm việc.', approvedOn: '2023-07-07' },
    response: { on: '2023-07-14' },
    remediation: [],
  },
  {
    unit: 'XA-LONG-HOA',
    window: ['2023-07-03', '2023-07-21'],
    visit: { on: '2023-07-11', findings: [absent('a', '2023-09-29'), leadership('l', '2023-10-31')], concludedOn: '2023-07-18', rating: 'fair', summary: 'UBND xã còn hạn chế về kỷ luật giờ làm việc; chưa có kế hoạch cải cách hành chính năm 2023.', approvedOn: '2023-07-21' },
    response: { on: '2023-07-28', disputed: [{ finding: 'l', explanation: 'Kế hoạch cải cách hành chính đã ban hành ngày 15/02/2023 (số 45/KH-UBND), đoàn chưa được cung cấp tại thời điểm kiểm tra.' }] },
    remediation: [],
  },
  {
    unit: 'P-Y-TE',
    window: ['2023-07-17', '2023-07-28'],
    visit: { on: '2023-07-20', findings: [lateFiles('f', '2023-10-31')], concludedOn: '2023-07-27', rating: 'poor', summary: 'Phòng Y tế để tồn đọng hồ sơ trễ hạn; người đứng đầu chưa quan tâm chỉ đạo khắc phục.', approvedOn: '2023-08-03' },
  },
  {
    unit: 'P-GIAO-DUC-DAO-TAO',
    window: ['2023-08-01', '2023-08-18'],
    visit: { on: '2023-08-08', findings: [online('o', '2023-11-30'), badge('b', '2023-10-31')], concludedOn: '2023-08-17', rating: 'fair', summary: 'Phòng Giáo dục và Đào tạo cần chấn chỉnh việc đeo thẻ và hướng dẫn dịch vụ công trực tuyến.', approvedOn: '2023-08-25' },
  },
  {
    unit: 'XA-TAM-THON-HIEP',
    window: ['2023-08-07', '2023-08-25'],
    visit: { on: '2023-08-15', findings: [absent('a', '2023-11-30')], concludedOn: '2023-08-24', rating: 'fair', summary: 'UBND xã còn tình trạng công chức đi trễ.', approvedOn: '2023-08-30' },
  },
  { unit: 'XA-THANH-AN', window: ['2023-10-02', '2023-10-13'] },
  { unit: 'P-QUAN-LY-DO-THI', window: ['2023-10-16', '2023-10-27'] },
  { unit: 'P-VAN-HOA-THONG-TIN', window: ['2023-11-06', '2023-11-17'] },
  { unit: 'BQL-DA-DTXD', window: ['2023-11-20', '2023-12-01'] },
];
