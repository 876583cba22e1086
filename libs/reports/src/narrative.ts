import { Rating } from '@inspectorate/domain';
import { RATING_LABEL, RATING_ORDER } from './labels';
import {
  AccountabilitySummary,
  ConclusionCounts,
  countByKind,
  FindingsSummary,
  InspectionCounts,
  OverdueItem,
  RemediationCounts,
  ResponseCounts,
} from './metrics';
import { formatPercent, Ratio } from './ratio';

export interface NarrativeFacts {
  readonly legalBasis: string;
  readonly inspections: InspectionCounts;
  readonly conclusions: ConclusionCounts;
  readonly findings: FindingsSummary;
  readonly ratings: readonly Rating[];
  readonly responses: ResponseCounts;
  readonly remediation: RemediationCounts;
  readonly overdue: readonly OverdueItem[];
  readonly accountability: AccountabilitySummary;
}

/** `12/19 đơn vị, địa phương (63.2%)`: the ratio with its noun between the counts and the share. */
function counted(r: Ratio, noun: string): string {
  return `${r.numerator}/${r.denominator} ${noun} (${formatPercent(r.percent)})`;
}

/**
 * The campaign's summary in the register of the district's yearly report, one sentence per
 * subject, each written only from the numbers (nothing is said that the numbers do not show).
 */
export function campaignNarrative(f: NarrativeFacts): string[] {
  const sentences: string[] = [];
  const basis = f.legalBasis.trim().replace(/[.;,]+$/, '');
  const i = f.inspections;
  if (i.planned === 0) {
    sentences.push(`Thực hiện ${basis}, Đoàn kiểm tra chưa có đơn vị, địa phương nào trong kế hoạch kiểm tra.`);
  } else if (i.started === 0) {
    sentences.push(`Thực hiện ${basis}, Đoàn kiểm tra chưa tiến hành kiểm tra đơn vị, địa phương nào (0/${i.planned} theo kế hoạch).`);
  } else {
    const closed = i.closed > 0 ? `; đã kết thúc ${counted(i.closedOfStarted, 'cuộc kiểm tra')}` : '';
    sentences.push(`Thực hiện ${basis}, Đoàn kiểm tra đã kiểm tra đột xuất ${counted(i.startedOfPlanned, 'đơn vị, địa phương')}${closed}.`);
  }

  const fs = f.findings;
  if (i.started > 0) {
    if (fs.total === 0) {
      sentences.push('Qua kiểm tra, Đoàn chưa phát hiện tồn tại, hạn chế nào.');
    } else {
      const bySeverity = fs.bySeverity
        .filter((s) => s.total > 0)
        .map((s) => `${s.total} ${s.label}`)
        .join(', ');
      const top = fs.byCriterion.filter((c) => c.total === fs.byCriterion[0].total).slice(0, 2);
      const focus = top.map((c) => `${lowerFirst(c.name)} (${c.total})`).join('; ');
      sentences.push(
        `Qua kiểm tra, Đoàn đã chỉ ra ${fs.total} tồn tại, hạn chế (${bySeverity}), tập trung nhiều nhất ở nội dung: ${focus}.`,
      );
      if (fs.open > 0) sentences.push(`Đến nay còn ${fs.open}/${fs.total} tồn tại, hạn chế chưa được khắc phục xong.`);
    }
  }

  if (f.conclusions.visitsEnded > 0) {
    sentences.push(`Chủ tịch đã phê duyệt ${counted(f.conclusions.approvedOfVisitsEnded, 'kết luận kiểm tra')}.`);
  }
  if (f.ratings.length > 0) {
    const parts = RATING_ORDER.map((r) => ({ r, n: f.ratings.filter((x) => x === r).length }))
      .filter((p) => p.n > 0)
      .map((p) => `${p.n} đơn vị xếp loại ${RATING_LABEL[p.r].toLowerCase()}`);
    sentences.push(`Kết quả xếp loại: ${parts.join(', ')}.`);
  }
  if (f.responses.due > 0) {
    sentences.push(`Người đứng đầu các đơn vị đã phản hồi kết luận đúng hạn ${counted(f.responses.onTimeRate, 'trường hợp')}.`);
  }
  if (f.remediation.total > 0) {
    sentences.push(`Đã hoàn thành, được xác nhận ${counted(f.remediation.completionRate, 'biện pháp khắc phục')}.`);
  }

  const kinds = countByKind(f.overdue);
  if (f.overdue.length === 0) {
    if (i.started > 0) sentences.push('Không có việc nào quá hạn.');
  } else {
    const parts = [
      kinds.conclusion > 0 ? `${kinds.conclusion} kết luận chưa trình phê duyệt` : '',
      kinds.response > 0 ? `${kinds.response} đơn vị chưa phản hồi kết luận` : '',
      kinds.action > 0 ? `${kinds.action} biện pháp khắc phục chưa hoàn thành` : '',
    ].filter(Boolean);
    sentences.push(`Hiện còn ${f.overdue.length} việc quá hạn: ${parts.join(', ')}.`);
  }
  if (f.accountability.open > 0) {
    sentences.push(`Có ${f.accountability.open} trường hợp xem xét trách nhiệm người đứng đầu đang chờ Chủ tịch quyết định.`);
  }
  return sentences;
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0].toLocaleLowerCase('vi') + text.slice(1) : text;
}
