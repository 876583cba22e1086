import { IMPORT_DETAIL_PHRASES, IMPORT_FIELD_PHRASES } from './import-phrases';

/**
 * Every message of the API in both of its languages, in one place. English is what the API has
 * always said (clients that send no Accept-Language keep getting exactly that); Vietnamese is
 * written as a civil servant reads it, with the console's words (console.md).
 *
 * Messages are templates: `{name}` is a value taken from the English message and rendered in
 * the other language by the translator its name picks (PARAMETER_KINDS): a status name, an
 * action, a role... Any other parameter (an id, a date, a number) is kept as it is.
 */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Phrase {
  readonly en: string;
  readonly vi: string;
}

/** The `title` of a problem, by HTTP status. */
export const PROBLEM_TITLES: Readonly<Record<number, Phrase>> = {
  400: { en: 'Invalid request', vi: 'Yêu cầu không hợp lệ' },
  401: { en: 'Authentication required', vi: 'Cần đăng nhập' },
  403: { en: 'Not allowed', vi: 'Không có quyền' },
  404: { en: 'Not found', vi: 'Không tìm thấy' },
  405: { en: 'Method not allowed', vi: 'Phương thức không được hỗ trợ' },
  409: { en: 'Not allowed in the current state', vi: 'Không thực hiện được ở trạng thái hiện tại' },
  413: { en: 'Payload too large', vi: 'Dữ liệu gửi lên quá lớn' },
  415: { en: 'Unsupported media type', vi: 'Định dạng dữ liệu không được hỗ trợ' },
  422: { en: 'Unprocessable request', vi: 'Yêu cầu không xử lý được' },
  429: { en: 'Too many requests', vi: 'Quá nhiều yêu cầu' },
  500: { en: 'Internal error', vi: 'Lỗi hệ thống' },
  503: { en: 'Service unavailable', vi: 'Dịch vụ tạm thời không sẵn sàng' },
};

/** Inspection statuses (domain.md), as the console names them. */
export const STATUS_NAMES: Readonly<Record<string, Phrase>> = {
  planned: { en: 'planned', vi: 'Đã lên kế hoạch' },
  in_progress: { en: 'in_progress', vi: 'Đang kiểm tra' },
  drafting: { en: 'drafting', vi: 'Đang dự thảo kết luận' },
  awaiting_approval: { en: 'awaiting_approval', vi: 'Chờ phê duyệt kết luận' },
  awaiting_response: { en: 'awaiting_response', vi: 'Chờ đơn vị phản hồi' },
  remediating: { en: 'remediating', vi: 'Đang khắc phục' },
  closed: { en: 'closed', vi: 'Đã hoàn thành' },
  cancelled: { en: 'cancelled', vi: 'Đã hủy' },
};

export const ACTION_STATUS_NAMES: Readonly<Record<string, Phrase>> = {
  open: { en: 'open', vi: 'đang thực hiện' },
  reported: { en: 'reported', vi: 'đã báo cáo, chờ xác nhận' },
  verified: { en: 'verified', vi: 'đã được xác nhận đạt' },
  rejected: { en: 'rejected', vi: 'bị đánh giá không đạt' },
};

export const EXTENSION_STATUS_NAMES: Readonly<Record<string, Phrase>> = {
  pending: { en: 'pending', vi: 'đang chờ quyết định' },
  granted: { en: 'granted', vi: 'đã được gia hạn' },
  refused: { en: 'refused', vi: 'không được gia hạn' },
};

export const OUTCOME_NAMES: Readonly<Record<string, Phrase>> = {
  reminded: { en: 'reminded', vi: 'nhắc nhở' },
  criticized: { en: 'criticized', vi: 'kiểm điểm' },
  disciplinary_review: { en: 'disciplinary_review', vi: 'xem xét kỷ luật' },
};

export const ROLE_NAMES: Readonly<Record<string, Phrase>> = {
  admin: { en: 'admin', vi: 'quản trị' },
  inspector: { en: 'inspector', vi: 'thành viên đoàn kiểm tra' },
  lead_inspector: { en: 'lead_inspector', vi: 'trưởng đoàn kiểm tra' },
  unit_head: { en: 'unit_head', vi: 'thủ trưởng đơn vị' },
  chairman: { en: 'chairman', vi: 'Chủ tịch' },
};

/** What a command would have done, as the domain names it in "Cannot …" and "Only … may …". */
export const ACTION_PHRASES: Readonly<Record<string, Phrase>> = {
  'reschedule the visit': { en: 'reschedule the visit', vi: 'đổi lịch kiểm tra' },
  'start the visit': { en: 'start the visit', vi: 'bắt đầu kiểm tra' },
  'record a finding': { en: 'record a finding', vi: 'ghi nhận tồn tại' },
  'amend a finding': { en: 'amend a finding', vi: 'sửa tồn tại' },
  'withdraw a finding': { en: 'withdraw a finding', vi: 'rút tồn tại' },
  'end the visit': { en: 'end the visit', vi: 'kết thúc kiểm tra' },
  'submit the conclusion': { en: 'submit the conclusion', vi: 'trình kết luận' },
  'record a dissent': { en: 'record a dissent', vi: 'ghi ý kiến khác' },
  'approve the conclusion': { en: 'approve the conclusion', vi: 'phê duyệt kết luận' },
  'return the conclusion': { en: 'return the conclusion', vi: 'trả lại kết luận' },
  'request an extension': { en: 'request an extension', vi: 'xin gia hạn' },
  'decide an extension request': { en: 'decide an extension request', vi: 'quyết định việc xin gia hạn' },
  'submit a response': { en: 'submit a response', vi: 'gửi phản hồi' },
  'resolve a dispute': { en: 'resolve a dispute', vi: 'xử lý nội dung giải trình' },
  'report a corrective action': { en: 'report a corrective action', vi: 'báo cáo kết quả khắc phục' },
  'verify a corrective action': { en: 'verify a corrective action', vi: 'xác nhận kết quả khắc phục' },
  'schedule a follow-up inspection': { en: 'schedule a follow-up inspection', vi: 'lên lịch kiểm tra lại' },
  'respond to the conclusion': { en: 'respond to the conclusion', vi: 'phản hồi kết luận' },
  'decide an accountability case': { en: 'decide an accountability case', vi: 'quyết định xử lý vụ việc xem xét trách nhiệm' },
  'mark the visit window missed': { en: 'mark the visit window missed', vi: 'ghi nhận lỡ thời gian kiểm tra' },
  'mark the conclusion overdue': { en: 'mark the conclusion overdue', vi: 'ghi nhận kết luận quá hạn' },
  'mark the response overdue': { en: 'mark the response overdue', vi: 'ghi nhận phản hồi quá hạn' },
  'change its title and legal basis': { en: 'change its title and legal basis', vi: 'sửa tên và căn cứ của kế hoạch' },
  'remove a unit from it': { en: 'remove a unit from it', vi: 'bỏ đơn vị khỏi kế hoạch' },
  'mark a corrective action overdue': { en: 'mark a corrective action overdue', vi: 'ghi nhận biện pháp khắc phục quá hạn' },
};

/** The subject of "… was not found." */
export const SUBJECT_NAMES: Readonly<Record<string, Phrase>> = {
  'The resource': { en: 'The resource', vi: 'Dữ liệu' },
  'The unit': { en: 'The unit', vi: 'Đơn vị' },
  'The campaign': { en: 'The campaign', vi: 'Kế hoạch kiểm tra' },
  'The inspection': { en: 'The inspection', vi: 'Cuộc kiểm tra' },
  'The notification': { en: 'The notification', vi: 'Thông báo' },
  'The attachment': { en: 'The attachment', vi: 'Tệp đính kèm' },
  'The accountability case': { en: 'The accountability case', vi: 'Vụ việc xem xét trách nhiệm' },
  'The user': { en: 'The user', vi: 'Tài khoản' },
  'The calendar entry': { en: 'The calendar entry', vi: 'Ngày trong lịch làm việc' },
  'Your account': { en: 'Your account', vi: 'Tài khoản của bạn' },
  'The checklist version': { en: 'The checklist version', vi: 'Phiên bản bộ tiêu chí' },
  'The checklist template': { en: 'The checklist template', vi: 'Bộ tiêu chí' },
};

/** Whole messages: the `detail` of problems. */
export const DETAIL_MESSAGES: readonly Phrase[] = [
  // Session and accounts
  { en: 'The username or password is wrong.', vi: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  { en: 'This account is deactivated; ask an administrator.', vi: 'Tài khoản này đã bị khóa; vui lòng liên hệ quản trị viên.' },
  { en: 'The session has ended; log in again.', vi: 'Phiên làm việc đã kết thúc; vui lòng đăng nhập lại.' },
  { en: 'The access token is invalid or expired; log in again.', vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn; vui lòng đăng nhập lại.' },
  { en: 'Send a bearer token from POST /api/v1/auth/login.', vi: 'Vui lòng đăng nhập (gửi mã truy cập nhận từ POST /api/v1/auth/login).' },
  { en: 'The role {role} may not do this (allowed: {roles}).', vi: 'Vai trò {role} không được thực hiện thao tác này (chỉ dành cho: {roles}).' },
  { en: 'The role {role} may not do this.', vi: 'Vai trò {role} không được thực hiện thao tác này.' },
  {
    en: 'Choose your own password first (POST /api/v1/me/password): an administrator reset it.',
    vi: 'Vui lòng đặt mật khẩu của riêng bạn trước (POST /api/v1/me/password): quản trị viên đã đặt lại mật khẩu của bạn.',
  },
  { en: 'The current password is wrong.', vi: 'Mật khẩu hiện tại không đúng.' },
  { en: 'The new password must differ from the current one.', vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
  { en: 'The username {username} is taken.', vi: 'Tên đăng nhập {username} đã có người sử dụng.' },
  { en: 'Only a unit head is bound to a unit.', vi: 'Chỉ thủ trưởng đơn vị mới gắn với một đơn vị.' },
  { en: 'A unit head must be bound to a unit.', vi: 'Thủ trưởng đơn vị phải gắn với một đơn vị.' },
  { en: 'An admin cannot deactivate their own account.', vi: 'Quản trị viên không thể tự khóa tài khoản của chính mình.' },
  { en: 'An admin cannot take away their own admin role.', vi: 'Quản trị viên không thể tự bỏ vai trò quản trị của chính mình.' },
  { en: 'The unit does not exist.', vi: 'Đơn vị không tồn tại.' },
  { en: 'A unit with code {code} already exists.', vi: 'Đã có đơn vị mang mã {code}.' },
  // Generic
  { en: '{subject} was not found.', vi: 'Không tìm thấy {subject}.' },
  { en: 'The request is not valid: {fieldErrors}', vi: 'Yêu cầu không hợp lệ: {fieldErrors}' },
  { en: 'Too many requests; try again later.', vi: 'Quá nhiều yêu cầu; vui lòng thử lại sau.' },
  { en: 'Too many login attempts; try again later.', vi: 'Đăng nhập sai quá nhiều lần; vui lòng thử lại sau.' },
  { en: 'Something went wrong on our side; it has been logged.', vi: 'Hệ thống gặp sự cố; lỗi đã được ghi lại để xử lý.' },
  { en: 'No resource at {method} {path}.', vi: 'Không có địa chỉ {method} {path}.' },
  { en: 'The request body is too large.', vi: 'Dữ liệu gửi lên quá lớn.' },
  { en: 'The cursor is not valid.', vi: 'Con trỏ phân trang không hợp lệ.' },
  // The domain's refusals
  { en: 'Inspection not found.', vi: 'Không tìm thấy cuộc kiểm tra.' },
  { en: 'Cannot {what}: the inspection is {status} (it must be {expected}).', vi: 'Không thể {what}: cuộc kiểm tra đang ở trạng thái “{status}” (cần ở trạng thái {expected}).' },
  { en: 'Cannot cancel the inspection: it is already {status}.', vi: 'Không thể hủy cuộc kiểm tra: cuộc kiểm tra đã ở trạng thái “{status}”.' },
  { en: "Only the campaign's lead inspector may {what}.", vi: 'Chỉ trưởng đoàn kiểm tra của kế hoạch mới được {what}.' },
  { en: 'Only the chairman may {what}.', vi: 'Chỉ Chủ tịch mới được {what}.' },
  { en: 'Only the head of the inspected unit may {what}.', vi: 'Chỉ thủ trưởng đơn vị được kiểm tra mới được {what}.' },
  { en: 'Only a member of the inspection team may {what}.', vi: 'Chỉ thành viên đoàn kiểm tra mới được {what}.' },
  { en: 'Only the author of a finding may amend it.', vi: 'Chỉ người ghi nhận tồn tại mới được sửa tồn tại đó.' },
  { en: 'Only the author of a finding or the lead inspector may withdraw it.', vi: 'Chỉ người ghi nhận tồn tại hoặc trưởng đoàn kiểm tra mới được rút tồn tại đó.' },
  { en: "Only an inspector of this inspection's team may record a dissent.", vi: 'Chỉ thành viên đoàn của cuộc kiểm tra này mới được ghi ý kiến khác.' },
  { en: "Only the campaign's lead inspector or the chairman may cancel an inspection.", vi: 'Chỉ trưởng đoàn kiểm tra của kế hoạch hoặc Chủ tịch mới được hủy cuộc kiểm tra.' },
  { en: 'The visit window opens at {at} ({date}); the visit cannot start before it.', vi: 'Thời gian kiểm tra bắt đầu từ {at} ({date}); chưa thể bắt đầu kiểm tra trước thời điểm này.' },
  { en: 'The visit window closed at {at} ({date}); reschedule the visit first.', vi: 'Thời gian kiểm tra đã kết thúc lúc {at} ({date}); cần đổi lịch kiểm tra trước.' },
  { en: 'An extension may be requested only once; it was already requested ({extensionStatus}).', vi: 'Chỉ được xin gia hạn một lần; đơn vị đã xin gia hạn ({extensionStatus}).' },
  { en: 'There is no pending extension request to decide.', vi: 'Không có đề nghị gia hạn nào đang chờ quyết định.' },
  { en: 'Finding {id} has no pending dispute.', vi: 'Tồn tại {id} không có nội dung giải trình nào đang chờ xử lý.' },
  { en: 'Corrective action {id} is {actionStatus}; only an open or rejected action can be reported.', vi: 'Biện pháp khắc phục {id} {actionStatus}; chỉ báo cáo được biện pháp đang thực hiện hoặc bị đánh giá không đạt.' },
  { en: 'Corrective action {id} is {actionStatus}; only a reported action can be verified.', vi: 'Biện pháp khắc phục {id} {actionStatus}; chỉ xác nhận được biện pháp đã được báo cáo.' },
  { en: 'Accountability case {id} was already decided ({outcome}).', vi: 'Vụ việc xem xét trách nhiệm {id} đã có quyết định xử lý ({outcome}).' },
  { en: 'The conclusion changed since you read it (its content hash differs); read it again before approving.', vi: 'Kết luận đã được sửa đổi sau khi bạn xem; vui lòng xem lại trước khi phê duyệt.' },
  { en: 'The conclusion is not approved: the inspection is {status}.', vi: 'Kết luận chưa được phê duyệt: cuộc kiểm tra đang ở trạng thái “{status}”.' },
  { en: 'A due date must be in the future.', vi: 'Thời hạn phải là một ngày trong tương lai.' },
  { en: 'A rejection needs a new due date.', vi: 'Khi đánh giá không đạt cần ấn định thời hạn mới.' },
  // Checklist templates
  { en: 'key must be 2–63 small letters, digits or dashes.', vi: 'Mã bộ tiêu chí phải gồm 2–63 chữ thường không dấu, chữ số hoặc gạch ngang.' },
  { en: 'version must be a checklist version such as demo-2023.1.', vi: 'Phiên bản phải có dạng như demo-2023.1.' },
  { en: 'The finding is not valid.', vi: 'Tồn tại không hợp lệ.' },
  { en: 'The campaign is not valid.', vi: 'Kế hoạch kiểm tra không hợp lệ.' },
  { en: 'The checklist is not valid.', vi: 'Bộ tiêu chí không hợp lệ.' },
  { en: 'The checklist of the inspection is not valid.', vi: 'Bộ tiêu chí của cuộc kiểm tra không hợp lệ.' },
  { en: 'Unknown checklist version {version}.', vi: 'Không có phiên bản bộ tiêu chí {version}.' },
  { en: 'The campaign names a checklist version that is not published.', vi: 'Kế hoạch kiểm tra chọn một phiên bản bộ tiêu chí chưa được ban hành.' },
  { en: 'A checklist template with key {key} already exists.', vi: 'Đã có bộ tiêu chí mang mã {key}.' },
  { en: 'Another version of this template was published at the same moment; read it and publish again.', vi: 'Một phiên bản khác của bộ tiêu chí này vừa được ban hành cùng lúc; vui lòng xem lại rồi ban hành lại.' },
  ...IMPORT_DETAIL_PHRASES,
  // The working-day calendar
  { en: 'Name at least one field to change.', vi: 'Cần nêu ít nhất một trường cần thay đổi.' },
  {
    en: "There is no working-day calendar for {year}, so this deadline cannot be counted. An administrator must enter that year's holidays first.",
    vi: 'Chưa có lịch ngày làm việc năm {year} nên không tính được thời hạn này. Quản trị viên cần nhập các ngày nghỉ lễ của năm đó trước.',
  },
  { en: 'The calendar already has an entry on {date}.', vi: 'Lịch đã có một ngày được khai báo vào {date}.' },
  { en: 'Only the administrator may apply a calendar correction to running inspections.', vi: 'Chỉ quản trị viên mới được áp dụng điều chỉnh lịch cho các cuộc kiểm tra đang thực hiện.' },
  { en: 'The calendar correction changes no running deadline of this inspection.', vi: 'Điều chỉnh lịch không làm thay đổi thời hạn nào của cuộc kiểm tra này.' },
  { en: 'The database is unavailable for the moment; try again shortly.', vi: 'Cơ sở dữ liệu tạm thời không sẵn sàng; vui lòng thử lại sau.' },
  // Changes to a campaign
  { en: "Only the campaign's lead inspector or the chairman may change its team.", vi: 'Chỉ trưởng đoàn kiểm tra của kế hoạch hoặc Chủ tịch mới được thay đổi đoàn kiểm tra.' },
  { en: "Only the campaign's lead inspector or the chairman may cancel it.", vi: 'Chỉ trưởng đoàn kiểm tra của kế hoạch hoặc Chủ tịch mới được hủy kế hoạch kiểm tra.' },
  { en: 'The campaign is cancelled: it cannot be changed any more.', vi: 'Kế hoạch kiểm tra đã bị hủy: không thể thay đổi được nữa.' },
  { en: 'The campaign is cancelled: no follow-up inspection can join it.', vi: 'Kế hoạch kiểm tra đã bị hủy: không thể lên lịch kiểm tra lại trong kế hoạch này.' },
  { en: 'Cannot cancel the campaign: it is already completed.', vi: 'Không thể hủy kế hoạch kiểm tra: kế hoạch đã hoàn thành.' },
  { en: 'That inspection is not a target of this campaign (any more).', vi: 'Cuộc kiểm tra này không (còn) thuộc kế hoạch kiểm tra.' },
  { en: 'Only a target whose visit has not started can be removed; its inspection is {status}.', vi: 'Chỉ bỏ được đơn vị chưa được kiểm tra; cuộc kiểm tra đang ở trạng thái “{status}”.' },
  { en: 'The change is not valid.', vi: 'Nội dung thay đổi không hợp lệ.' },
  { en: 'The team is not valid.', vi: 'Đoàn kiểm tra không hợp lệ.' },
  { en: 'The reason is not valid.', vi: 'Lý do không hợp lệ.' },
  { en: 'The team names people who do not fit.', vi: 'Đoàn kiểm tra có người không phù hợp.' },
];

/** The `message` of one field's problem (`errors[].message`), and the field list of a 400's detail. */
export const FIELD_MESSAGES: readonly Phrase[] = [
  { en: 'must be a string', vi: 'phải là chuỗi ký tự' },
  { en: 'must be a text', vi: 'phải là văn bản' },
  { en: 'should not exist', vi: 'không phải là trường được chấp nhận' },
  { en: 'should not be empty', vi: 'không được để trống' },
  { en: 'must not be empty', vi: 'không được để trống' },
  { en: 'is required', vi: 'là bắt buộc' },
  { en: 'must be one of the following values: {values}', vi: 'phải là một trong các giá trị: {values}' },
  { en: 'must be one of {values}', vi: 'phải là một trong các giá trị: {values}' },
  { en: 'must be longer than or equal to {n} characters', vi: 'phải có ít nhất {n} ký tự' },
  { en: 'must be shorter than or equal to {n} characters', vi: 'không được dài quá {n} ký tự' },
  { en: 'must be at most {n} characters', vi: 'không được dài quá {n} ký tự' },
  { en: 'must be {min} to {max} characters', vi: 'phải có từ {min} đến {max} ký tự' },
  { en: 'must be a UUID', vi: 'phải là mã định danh (UUID)' },
  { en: 'must be an integer number', vi: 'phải là số nguyên' },
  { en: 'must not be less than {n}', vi: 'không được nhỏ hơn {n}' },
  { en: 'must not be greater than {n}', vi: 'không được lớn hơn {n}' },
  { en: 'must be a boolean value', vi: 'phải là giá trị đúng hoặc sai' },
  { en: 'must be an array', vi: 'phải là một danh sách' },
  { en: 'must be a list', vi: 'phải là một danh sách' },
  { en: 'must be an object', vi: 'phải là một đối tượng' },
  { en: 'must be after today', vi: 'phải sau ngày hôm nay' },
  { en: 'must be in the future', vi: 'phải là một thời điểm trong tương lai' },
  { en: 'must be a date (YYYY-MM-DD) or a date-time with an offset (ISO 8601)', vi: 'phải là một ngày (YYYY-MM-DD) hoặc một thời điểm có múi giờ (ISO 8601)' },
  { en: 'must be a date (YYYY-MM-DD) or a date-time with an offset (ISO 8601) that exists', vi: 'phải là một ngày có thật (YYYY-MM-DD) hoặc một thời điểm có múi giờ (ISO 8601)' },
  { en: 'must not be before windowStart', vi: 'không được trước ngày bắt đầu (windowStart)' },
  { en: 'must be no later than {date}', vi: 'không được muộn hơn {date}' },
  { en: 'must be no later than the required due date {date}', vi: 'không được muộn hơn thời hạn kết luận yêu cầu ({date})' },
  { en: 'must be after the current deadline {date}', vi: 'phải sau thời hạn hiện tại ({date})' },
  { en: 'must be the id of an existing unit', vi: 'phải là mã của một đơn vị có trong danh mục' },
  { en: 'must be the id of a unit (required for unit_head)', vi: 'phải là mã của một đơn vị (bắt buộc với thủ trưởng đơn vị)' },
  { en: 'must be absent unless role is unit_head', vi: 'chỉ được khai báo cho thủ trưởng đơn vị' },
  { en: 'must be the id of an active lead_inspector user', vi: 'phải là mã của một trưởng đoàn kiểm tra đang hoạt động' },
  { en: 'must be the id of an active inspector user', vi: 'phải là mã của một thành viên đoàn kiểm tra đang hoạt động' },
  { en: 'must not include the lead inspector', vi: 'không được gồm trưởng đoàn kiểm tra' },
  { en: 'must be a cursor returned by a previous page', vi: 'phải là con trỏ do trang trước trả về' },
  { en: 'must not contain NUL characters or lone surrogates', vi: 'chứa ký tự không hợp lệ' },
  { en: 'must name a finding of this inspection that was not withdrawn', vi: 'phải là một tồn tại của cuộc kiểm tra này và chưa bị rút' },
  { en: 'must name a finding of the approved conclusion', vi: 'phải là một tồn tại nêu trong kết luận đã phê duyệt' },
  { en: 'names the same finding as an earlier action', vi: 'trùng tồn tại với một biện pháp đã nêu trước' },
  { en: 'must be 3–64 letters, digits, dots, dashes or underscores', vi: 'phải gồm 3–64 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới' },
  { en: 'must be 2–64 capital letters, digits or dashes', vi: 'phải gồm 2–64 chữ in hoa không dấu, chữ số hoặc gạch ngang' },
  { en: 'must be "verified" or "rejected"', vi: 'phải là "verified" (đạt) hoặc "rejected" (không đạt)' },
  { en: 'must be "upheld" or "withdrawn"', vi: 'phải là "upheld" (giữ nguyên) hoặc "withdrawn" (rút tồn tại)' },
  { en: 'must be a year between 2000 and 2100', vi: 'phải là một năm từ 2000 đến 2100' },
  { en: 'must be a real calendar day (YYYY-MM-DD)', vi: 'phải là một ngày có thật (YYYY-MM-DD)' },
  { en: 'must be in a year from {min} to {max}', vi: 'phải thuộc một năm từ {min} đến {max}' },
  { en: 'must be a Saturday or a Sunday for a make-up working day', vi: 'phải là thứ Bảy hoặc Chủ nhật đối với ngày làm bù' },
  {
    en: 'must be a weekday for a holiday (a holiday on a weekend is compensated by a day off in lieu on a weekday)',
    vi: 'phải là ngày trong tuần (từ thứ Hai đến thứ Sáu) đối với ngày nghỉ lễ (ngày lễ trùng cuối tuần được nghỉ bù vào ngày làm việc kế tiếp)',
  },
  { en: 'must have one of {fields}', vi: 'phải có ít nhất một trong các trường: {fields}' },
  { en: 'is wrong', vi: 'không đúng' },
  { en: 'must differ from the current password', vi: 'phải khác mật khẩu hiện tại' },
  { en: 'must be a criterion of checklist {version}', vi: 'phải là một tiêu chí của bộ tiêu chí {version} mà kế hoạch kiểm tra áp dụng' },
  { en: 'must be a published checklist version', vi: 'phải là một phiên bản bộ tiêu chí đã ban hành' },
  { en: 'is not a known checklist version', vi: 'không phải là một phiên bản bộ tiêu chí đã biết' },
  { en: 'must not contain control characters', vi: 'không được chứa ký tự điều khiển' },
  { en: 'must list 1 to {n} criteria', vi: 'phải có từ 1 đến {n} tiêu chí' },
  { en: 'must list 1 to {n} criterion codes', vi: 'phải có từ 1 đến {n} mã tiêu chí' },
  { en: 'appears twice in this version (also {field})', vi: 'bị trùng trong phiên bản này (trùng với {field})' },
  { en: 'must not name a code twice', vi: 'không được trùng mã' },
  { en: 'must be trimmed', vi: 'không được có khoảng trắng ở đầu hoặc cuối' },
  { en: 'must be a checklist version such as demo-2023.1', vi: 'phải là một phiên bản bộ tiêu chí, ví dụ demo-2023.1' },
  { en: 'must be 2–63 small letters, digits or dashes', vi: 'phải gồm 2–63 chữ thường không dấu, chữ số hoặc gạch ngang' },
  ...IMPORT_FIELD_PHRASES,
];
