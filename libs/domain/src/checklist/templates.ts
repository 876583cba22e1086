/**
 * Checklist templates are versioned data kept in the database (issue 11): a campaign records the
 * version its findings refer to, and the codes of that version's criteria travel in its events
 * (CampaignCreated, InspectionPlanned), so the decider checks a finding against them without
 * reading anything and an old campaign keeps its version whatever is published later.
 *
 * The one version below was compiled into the code before templates became data. Events written
 * then carry only its name, so the decider still knows its codes (`criterionCodesOf`); the
 * migration that made the tables seeds the database with the same criteria. It is not a legal text.
 */
export interface Criterion {
  readonly code: string;
  /** English name. */
  readonly name: string;
  readonly nameVi: string;
  /** The group the criterion is listed under (English, Vietnamese). */
  readonly group: string;
  readonly groupVi: string;
}

export interface ChecklistTemplate {
  readonly version: string;
  readonly title: string;
  readonly criteria: readonly Criterion[];
}

const LEADERSHIP = { group: 'Leadership of the head', groupVi: 'Trách nhiệm người đứng đầu' };
const DISCIPLINE = { group: 'Discipline', groupVi: 'Kỷ luật, kỷ cương hành chính' };
const CONDUCT = { group: 'Conduct', groupVi: 'Quy tắc ứng xử' };
const PROCEDURES = { group: 'Administrative procedures', groupVi: 'Thủ tục hành chính' };
const CULTURE = { group: 'Public-office culture', groupVi: 'Văn hoá công sở' };
const ASSETS = { group: 'Public assets', groupVi: 'Tài sản công' };

export const DEMO_CHECKLIST_2023: ChecklistTemplate = {
  version: 'demo-2023.1',
  title: 'Kiểm tra công vụ, quy tắc ứng xử (mẫu minh hoạ)',
  criteria: [
    { code: 'LD-01', name: "The head directs, supervises and tracks the unit's assigned tasks", nameVi: 'Người đứng đầu chỉ đạo, giám sát, theo dõi việc thực hiện nhiệm vụ của đơn vị', ...LEADERSHIP },
    { code: 'LD-02', name: "The head's accountability for administrative reform in the unit", nameVi: 'Trách nhiệm người đứng đầu trong công tác cải cách hành chính', ...LEADERSHIP },
    { code: 'KL-01', name: 'Discipline in working hours', nameVi: 'Chấp hành kỷ luật, kỷ cương giờ làm việc', ...DISCIPLINE },
    { code: 'KL-02', name: 'Name badge and attire as required', nameVi: 'Đeo thẻ công chức, trang phục theo quy định', ...DISCIPLINE },
    { code: 'UX-01', name: 'Conduct toward citizens and businesses', nameVi: 'Ứng xử với người dân, doanh nghiệp', ...CONDUCT },
    { code: 'UX-02', name: 'Conduct among colleagues', nameVi: 'Ứng xử với đồng nghiệp', ...CONDUCT },
    { code: 'TT-01', name: 'Administrative procedures received and resolved on time', nameVi: 'Tiếp nhận, giải quyết thủ tục hành chính đúng hạn', ...PROCEDURES },
    { code: 'TT-02', name: 'Guidance for online public services and the electronic one-stop system', nameVi: 'Hướng dẫn dịch vụ công trực tuyến, hệ thống một cửa điện tử', ...PROCEDURES },
    { code: 'VH-01', name: 'Public-office culture: office order, posted rules, no smoking or alcohol at work', nameVi: 'Văn hoá công sở: trật tự, niêm yết nội quy, không hút thuốc, uống rượu bia trong giờ làm việc', ...CULTURE },
    { code: 'TS-01', name: 'Public assets and working time not used for private purposes', nameVi: 'Không sử dụng tài sản công, thời gian làm việc vào việc riêng', ...ASSETS },
  ],
};

/** Versions whose events may carry only their name (written before the codes travelled in events). */
const COMPILED_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  [DEMO_CHECKLIST_2023.version]: DEMO_CHECKLIST_2023.criteria.map((c) => c.code),
};

/**
 * The criterion codes a campaign or an inspection accepts: those its events carry, or for a
 * record from before they did, those of the compiled version it names. Undefined: unknown.
 */
export function criterionCodesOf(s: { readonly checklistVersion: string; readonly criterionCodes?: readonly string[] }): readonly string[] | undefined {
  return s.criterionCodes ?? COMPILED_VERSIONS[s.checklistVersion];
}

/** How a template's versions are named: `<template key>.<number>` ("demo-2023.1"). */
export function checklistVersionName(templateKey: string, number: number): string {
  return `${templateKey}.${number}`;
}
