import { InspectionEvent } from './events';
import { NotificationKind } from './model';
import { InspectionState } from './state';
import { Stamped } from '../shared/envelope';
import { localDateOf } from '../shared/time';

/**
 * Who is addressed: one user, everyone of a role, or the head of one unit. Addressing by role
 * and unit (not by user id) means a unit head appointed later still sees what their unit owes.
 */
export type Audience =
  | { readonly userId: string }
  | { readonly role: 'chairman' }
  | { readonly role: 'unit_head'; readonly unitId: string };

export interface NotificationDraft {
  readonly audience: Audience;
  readonly kind: NotificationKind;
  /** A stable code clients can switch on, e.g. `response.reminder`. */
  readonly topic: string;
  readonly message: string;
  readonly messageVi: string;
}

/**
 * The reminders, escalations and requests an event sends. Pure policy: the projector stores
 * these in the same transaction as the event, so nobody is ever told of something unrecorded.
 * Nothing is sent to a unit before its visit started: a planned inspection stays secret.
 */
export function notificationsFor(event: Stamped<InspectionEvent>, after: InspectionState): NotificationDraft[] {
  const lead = { userId: after.team.leadInspectorId };
  const unitHead = { role: 'unit_head' as const, unitId: after.unitId };
  const chairman = { role: 'chairman' as const };
  const day = (instant: string) => localDateOf(instant);
  const note = (audience: Audience, kind: NotificationKind, topic: string, message: string, messageVi: string): NotificationDraft => ({
    audience,
    kind,
    topic,
    message,
    messageVi,
  });

  switch (event.type) {
    case 'VisitWindowMissed':
      return [note(lead, 'escalation', 'visit.window_missed', `The visit window closed on ${after.window.windowEnd} without a visit: reschedule or cancel.`, `Đã hết thời gian kiểm tra dự kiến (${after.window.windowEnd}) mà chưa kiểm tra: đề nghị dời lịch hoặc huỷ.`)];
    case 'VisitStarted':
      return [note(unitHead, 'information', 'visit.started', 'An unannounced civil-service inspection of your unit has started.', 'Đoàn kiểm tra công vụ đột xuất đã bắt đầu kiểm tra tại đơn vị.')];
    case 'ConclusionSubmitted':
      return [note(chairman, 'request', 'conclusion.submitted', 'An inspection conclusion awaits your approval.', 'Kết luận kiểm tra đang chờ Chủ tịch phê duyệt.')];
    case 'ConclusionReturned':
      return [note(lead, 'request', 'conclusion.returned', `The chairman returned the conclusion: ${event.data.comment}`, `Chủ tịch trả lại dự thảo kết luận: ${event.data.comment}`)];
    case 'ConclusionOverdue':
      return [note(lead, 'escalation', 'conclusion.overdue', `The conclusion was due on ${day(event.data.dueAt)} and has not been submitted.`, `Đã quá hạn ban hành kết luận (${day(event.data.dueAt)}).`)];
    case 'UnitNotified': {
      const dueAt = event.data.responseDueAt;
      return dueAt
        ? [note(unitHead, 'request', 'conclusion.approved', `The inspection conclusion was approved. Respond to each finding by ${day(dueAt)}.`, `Kết luận kiểm tra đã được phê duyệt. Đề nghị đơn vị phản hồi từng nội dung trước ngày ${day(dueAt)}.`)]
        : [note(unitHead, 'information', 'conclusion.approved', 'The inspection conclusion was approved; it requires no corrective action.', 'Kết luận kiểm tra đã được phê duyệt; không có nội dung phải khắc phục.')];
    }
    case 'ReminderSent':
      switch (event.data.subject) {
        case 'conclusion':
          return [note(lead, 'reminder', 'conclusion.reminder', `Reminder: the conclusion is due on ${day(event.data.dueAt)}.`, `Nhắc hạn: kết luận kiểm tra phải ban hành trước ngày ${day(event.data.dueAt)}.`)];
        case 'response':
          return [note(unitHead, 'reminder', 'response.reminder', `Reminder: your response to the inspection conclusion is due on ${day(event.data.dueAt)}.`, `Nhắc hạn: đơn vị phải phản hồi kết luận kiểm tra trước ngày ${day(event.data.dueAt)}.`)];
        case 'verification':
          return [note(lead, 'reminder', 'action.verification_due', 'A reported corrective action is waiting for your verification.', 'Có biện pháp khắc phục đã báo cáo đang chờ xác minh.')];
      }
      return [];
    case 'ResponseOverdue':
      return [
        note(unitHead, 'escalation', 'response.overdue', `Your response was due on ${day(event.data.dueAt)} and is overdue.`, `Đơn vị đã quá hạn phản hồi kết luận kiểm tra (hạn ${day(event.data.dueAt)}).`),
        note(lead, 'escalation', 'response.overdue', `The unit did not respond by ${day(event.data.dueAt)}.`, `Đơn vị không phản hồi đúng hạn (${day(event.data.dueAt)}).`),
      ];
    case 'AccountabilityCaseOpened':
      return [
        note(chairman, 'escalation', 'accountability.opened', accountabilityText(event.data.reason).en, accountabilityText(event.data.reason).vi),
        note(unitHead, 'escalation', 'accountability.opened', 'An accountability review of the head of unit has been opened.', 'Đã mở hồ sơ xem xét trách nhiệm người đứng đầu đơn vị.'),
      ];
    case 'AccountabilityDecided':
      return [note(unitHead, 'information', 'accountability.decided', `The chairman decided the accountability case: ${event.data.outcome}.`, `Chủ tịch đã quyết định về trách nhiệm người đứng đầu: ${event.data.outcome}.`)];
    case 'ExtensionRequested':
      return [note(lead, 'request', 'extension.requested', `The unit asks to extend its response deadline to ${event.data.requestedDeadline}: ${event.data.reason}`, `Đơn vị đề nghị gia hạn phản hồi đến ${event.data.requestedDeadline}: ${event.data.reason}`)];
    case 'ExtensionDecided':
      return [
        event.data.decision === 'granted'
          ? note(unitHead, 'information', 'extension.granted', `Extension granted: respond by ${day(event.data.newDueAt!)}.`, `Đồng ý gia hạn: phản hồi trước ngày ${day(event.data.newDueAt!)}.`)
          : note(unitHead, 'information', 'extension.refused', `Extension refused; the deadline stays ${day(event.data.previousDueAt)}.`, `Không đồng ý gia hạn; hạn phản hồi vẫn là ${day(event.data.previousDueAt)}.`),
      ];
    case 'ResponseSubmitted': {
      const disputes = event.data.items.filter((i) => i.position === 'disputed').length;
      return [
        note(
          lead,
          disputes > 0 ? 'request' : 'information',
          'response.submitted',
          `The unit responded${event.data.late ? ' (late)' : ''}; ${disputes} finding(s) disputed.`,
          `Đơn vị đã phản hồi${event.data.late ? ' (trễ hạn)' : ''}; ${disputes} nội dung có giải trình.`,
        ),
      ];
    }
    case 'DisputeResolved':
      return [note(unitHead, 'information', 'dispute.resolved', `The lead inspector ${event.data.decision} the disputed finding.`, event.data.decision === 'upheld' ? 'Trưởng đoàn giữ nguyên nội dung kết luận; đơn vị phải khắc phục.' : 'Trưởng đoàn chấp nhận giải trình; nội dung được rút lại.')];
    case 'CorrectiveActionOverdue':
      return [note(unitHead, 'reminder', 'action.overdue', `A corrective action was due on ${day(event.data.dueAt)} and is overdue.`, `Biện pháp khắc phục đã quá hạn (${day(event.data.dueAt)}).`)];
    case 'CorrectiveActionReported':
      return [note(lead, 'request', 'action.reported', 'The unit reported a corrective action done; verify it.', 'Đơn vị đã báo cáo hoàn thành biện pháp khắc phục; đề nghị xác minh.')];
    case 'CorrectiveActionRejected':
      return [note(unitHead, 'request', 'action.rejected', `The corrective action was not accepted: ${event.data.note}. New due date ${event.data.newDueDate}.`, `Kết quả khắc phục chưa được chấp nhận: ${event.data.note}. Hạn mới ${event.data.newDueDate}.`)];
    case 'CorrectiveActionVerified':
      return [note(unitHead, 'information', 'action.verified', 'A corrective action was verified.', 'Biện pháp khắc phục đã được xác minh.')];
    case 'InspectionClosed':
      return [
        note(lead, 'information', 'inspection.closed', 'The inspection is closed.', 'Cuộc kiểm tra đã kết thúc.'),
        note(unitHead, 'information', 'inspection.closed', 'The inspection of your unit is closed.', 'Cuộc kiểm tra tại đơn vị đã kết thúc.'),
      ];
    case 'InspectionCancelled':
      return after.startedAt
        ? [note(unitHead, 'information', 'inspection.cancelled', `The inspection was cancelled: ${event.data.reason}`, `Cuộc kiểm tra đã bị huỷ: ${event.data.reason}`)]
        : [];
    case 'DeadlineRecomputed':
      return event.data.deadline === 'response'
        ? [note(unitHead, 'information', 'deadline.recomputed', `The working-day calendar was corrected: respond by ${day(event.data.dueAt)} (it was ${day(event.data.previousDueAt)}).`, `Lịch ngày làm việc đã được điều chỉnh: hạn phản hồi nay là ${day(event.data.dueAt)} (trước đây ${day(event.data.previousDueAt)}).`)]
        : [note(lead, 'information', 'deadline.recomputed', `The working-day calendar was corrected: the conclusion is due on ${day(event.data.dueAt)} (it was ${day(event.data.previousDueAt)}).`, `Lịch ngày làm việc đã được điều chỉnh: hạn ban hành kết luận nay là ${day(event.data.dueAt)} (trước đây ${day(event.data.previousDueAt)}).`)];
    case 'InspectionTeamChanged':
      // The new lead now owes this inspection's next steps; the unit is told nothing (it may still be planned).
      return event.data.team.leadInspectorId !== event.data.previousTeam.leadInspectorId
        ? [note(lead, 'information', 'inspection.lead_changed', 'You now lead this inspection.', 'Đồng chí được phân công làm trưởng đoàn của cuộc kiểm tra này.')]
        : [];
    case 'InspectionPlanned':
    case 'VisitRescheduled':
    case 'FindingRecorded':
    case 'FindingAmended':
    case 'FindingWithdrawn':
    case 'VisitEnded':
    case 'DissentRecorded':
    case 'ConclusionApproved':
    case 'CorrectiveActionPlanned':
    case 'FollowUpScheduled':
      return [];
  }
}

function accountabilityText(reason: 'response_overdue' | 'action_rejected_twice'): { en: string; vi: string } {
  return reason === 'response_overdue'
    ? { en: 'A unit did not respond to an inspection conclusion in time: an accountability case awaits your decision.', vi: 'Đơn vị không phản hồi kết luận kiểm tra đúng hạn: hồ sơ xem xét trách nhiệm chờ Chủ tịch quyết định.' }
    : { en: 'A corrective action was rejected twice: an accountability case awaits your decision.', vi: 'Biện pháp khắc phục bị từ chối lần thứ hai: hồ sơ xem xét trách nhiệm chờ Chủ tịch quyết định.' };
}
