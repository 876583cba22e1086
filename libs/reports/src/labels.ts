import { InspectionStatus, Rating, Severity } from '@inspectorate/domain';

/**
 * Vietnamese words the reports print. The codes (`major`, `awaiting_response`) stay in the JSON;
 * the labels are for people reading a sheet or the narrative.
 */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'major', 'minor'];

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'nghiêm trọng',
  major: 'nặng',
  minor: 'nhẹ',
};

/** Best first: the order in which units are ranked by their latest rating. */
export const RATING_ORDER: readonly Rating[] = ['good', 'fair', 'poor'];

export const RATING_LABEL: Record<Rating, string> = {
  good: 'Tốt',
  fair: 'Khá',
  poor: 'Yếu',
};

export const STATUS_LABEL: Record<InspectionStatus, string> = {
  planned: 'Đã lập kế hoạch',
  in_progress: 'Đang kiểm tra',
  drafting: 'Đang dự thảo kết luận',
  awaiting_approval: 'Chờ phê duyệt kết luận',
  awaiting_response: 'Chờ đơn vị phản hồi',
  remediating: 'Đang khắc phục',
  closed: 'Đã kết thúc',
  cancelled: 'Đã huỷ',
};

export type OverdueKind = 'conclusion' | 'response' | 'action';

export const OVERDUE_LABEL: Record<OverdueKind, string> = {
  conclusion: 'Kết luận kiểm tra chưa trình phê duyệt',
  response: 'Đơn vị chưa phản hồi kết luận',
  action: 'Biện pháp khắc phục chưa hoàn thành',
};

export const CASE_REASON_LABEL: Record<string, string> = {
  response_overdue: 'Không phản hồi kết luận đúng hạn',
  action_rejected_twice: 'Biện pháp khắc phục bị từ chối lần thứ hai',
};

export function isRating(value: string | null): value is Rating {
  return value === 'good' || value === 'fair' || value === 'poor';
}

export function isSeverity(value: string): value is Severity {
  return value === 'minor' || value === 'major' || value === 'critical';
}
