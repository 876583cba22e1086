/**
 * Checklist templates are versioned data: a campaign records the version its findings refer
 * to, so a later edit of the checklist never changes the meaning of an old finding.
 * The demo template below is not a legal text.
 */
export interface Criterion {
  readonly code: string;
  readonly name: string;
  readonly nameVi: string;
}

export interface ChecklistTemplate {
  readonly version: string;
  readonly title: string;
  readonly criteria: readonly Criterion[];
}

export const DEMO_CHECKLIST_2023: ChecklistTemplate = {
  version: 'demo-2023.1',
  title: 'Kiểm tra công vụ, quy tắc ứng xử (mẫu minh hoạ)',
  criteria: [
    { code: 'LD-01', name: "The head directs, supervises and tracks the unit's assigned tasks", nameVi: 'Người đứng đầu chỉ đạo, giám sát, theo dõi việc thực hiện nhiệm vụ của đơn vị' },
    { code: 'LD-02', name: "The head's accountability for administrative reform in the unit", nameVi: 'Trách nhiệm người đứng đầu trong công tác cải cách hành chính' },
    { code: 'KL-01', name: 'Discipline in working hours', nameVi: 'Chấp hành kỷ luật, kỷ cương giờ làm việc' },
    { code: 'KL-02', name: 'Name badge and attire as required', nameVi: 'Đeo thẻ công chức, trang phục theo quy định' },
    { code: 'UX-01', name: 'Conduct toward citizens and businesses', nameVi: 'Ứng xử với người dân, doanh nghiệp' },
    { code: 'UX-02', name: 'Conduct among colleagues', nameVi: 'Ứng xử với đồng nghiệp' },
    { code: 'TT-01', name: 'Administrative procedures received and resolved on time', nameVi: 'Tiếp nhận, giải quyết thủ tục hành chính đúng hạn' },
    { code: 'TT-02', name: 'Guidance for online public services and the electronic one-stop system', nameVi: 'Hướng dẫn dịch vụ công trực tuyến, hệ thống một cửa điện tử' },
    { code: 'VH-01', name: 'Public-office culture: office order, posted rules, no smoking or alcohol at work', nameVi: 'Văn hoá công sở: trật tự, niêm yết nội quy, không hút thuốc, uống rượu bia trong giờ làm việc' },
    { code: 'TS-01', name: 'Public assets and working time not used for private purposes', nameVi: 'Không sử dụng tài sản công, thời gian làm việc vào việc riêng' },
  ],
};

export const CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = [DEMO_CHECKLIST_2023];
export const CURRENT_CHECKLIST_VERSION = DEMO_CHECKLIST_2023.version;

export function findChecklist(version: string): ChecklistTemplate | undefined {
  return CHECKLIST_TEMPLATES.find((t) => t.version === version);
}

export function findCriterion(version: string, code: string): Criterion | undefined {
  return findChecklist(version)?.criteria.find((c) => c.code === code);
}
