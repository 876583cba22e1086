import { TestPeople, TestUser, TEST_PASSWORD } from '../../harness/people';
import { inDays } from '../../harness/time';
import { TargetFixture, TargetName } from './fixtures';
import { Method, RawRequest, textFile } from './http';

/**
 * WHO MAY DO WHAT: one table, every endpoint of api.md and of the app (GET /docs-json) × every
 * role × three targets, with the HTTP status each answer must have.
 *
 * Roles (columns, in this order):
 *   admin · teamInsp (inspector on the campaign's team) · outInsp (inspector outside it) ·
 *   lead (lead inspector of the campaign) · otherLead (a lead inspector of no campaign here) ·
 *   chair (chairman) · headA (unit head of unit A: the inspected unit of "own unit" and "planned
 *   secret") · headB (unit head of unit B: another unit, the inspected one of "other unit") · anon (no token).
 *
 * Targets (see fixtures.ts): ownUnit (a visited inspection of unit A, remediating), otherUnit
 * (the same for unit B), plannedSecret (a planned inspection of unit A, window missed, never visited).
 * A few rows need another state so that an allowed request changes nothing; the row says which.
 *
 * Reading the codes:
 *   401 no token · 403 the role may not (guard), or the domain refuses the person (not the lead of
 *   this campaign, not on the team, not that unit's head) · 404 not found or not visible (never 403
 *   for what the caller may not know exists).
 *   ALLOWED is 200/201 where the request can be made without changing state. For commands, an
 *   allowed caller meets a state or content the command cannot accept, so the answer proves the
 *   request passed every access check and changed nothing: 409 = the domain refused it for the
 *   inspection's status (checked after who-may and visibility), 400 = the domain (or the service,
 *   after the role check) refused the content. Each row's `allowed` note says which.
 */
export const MATRIX_ROLES = ['admin', 'teamInsp', 'outInsp', 'lead', 'otherLead', 'chair', 'headA', 'headB', 'anon'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
export const TARGETS: readonly TargetName[] = ['ownUnit', 'otherUnit', 'plannedSecret'];

/** Status per role, in MATRIX_ROLES order. */
export type Codes = readonly [number, number, number, number, number, number, number, number, number];

export interface PermissionRow {
  readonly method: Method;
  /** The path as api.md writes it (without /api/v1); `:name` for parameters. */
  readonly path: string;
  /** Routes outside the /api/v1 prefix (Swagger). */
  readonly unprefixed?: true;
  /** What an allowed answer proves, when it is not a plain 200/201. */
  readonly allowed?: string;
  /** The request for one target, as the role `role` sends it. */
  readonly request: (t: TargetFixture, ctx: { people: TestPeople; role: MatrixRole; user: TestUser | undefined }) => Omit<RawRequest, 'method' | 'path'> & { path: string };
  /** The same codes for every target, or one line per target. */
  readonly expect: Codes | Readonly<Record<TargetName, Codes>>;
}

export function userFor(role: MatrixRole, people: TestPeople): TestUser | undefined {
  const map: Record<MatrixRole, TestUser | undefined> = {
    admin: people.admin,
    teamInsp: people.inspector1,
    outInsp: people.outsideInspector,
    lead: people.lead,
    otherLead: people.otherLead,
    chair: people.chairman,
    headA: people.headA,
    headB: people.headB,
    anon: undefined,
  };
  return map[role];
}

export function codesFor(row: PermissionRow, target: TargetName): Codes {
  return isPerTarget(row.expect) ? row.expect[target] : row.expect;
}

function isPerTarget(expect: PermissionRow['expect']): expect is Readonly<Record<TargetName, Codes>> {
  return !Array.isArray(expect);
}

const at = (path: string, body?: unknown) => ({ path, ...(body !== undefined ? { body } : {}) });
const insp = (t: TargetFixture, suffix = '') => `/inspections/${t.inspectionId}${suffix}`;
const ended = (t: TargetFixture, suffix = '') => `/inspections/${t.endedInspectionId}${suffix}`;
const future = { windowStart: inDays(5), windowEnd: inDays(9) };

// Codes that recur: reading an inspection (visibility), and the command patterns.
//                        admin teamInsp outInsp lead otherLead chair headA headB anon
const LOGGED_IN: Codes = [200, 200, 200, 200, 200, 200, 200, 200, 401];
const ANYONE: Codes = [200, 200, 200, 200, 200, 200, 200, 200, 200];
const STAFF: Codes = [200, 200, 200, 200, 200, 200, 403, 403, 401];
const SEE_INSPECTION = {
  ownUnit: [200, 200, 200, 200, 200, 200, 200, 404, 401],
  otherUnit: [200, 200, 200, 200, 200, 200, 404, 200, 401],
  plannedSecret: [404, 200, 404, 200, 404, 200, 404, 404, 401],
} as const satisfies Record<TargetName, Codes>;
/** lead_inspector by role; the campaign's lead only (others: the domain's 403, or 404 where they cannot see it). */
const LEAD_COMMAND = {
  ownUnit: [403, 403, 403, 409, 403, 403, 403, 403, 401],
  otherUnit: [403, 403, 403, 409, 403, 403, 403, 403, 401],
  plannedSecret: [403, 403, 403, 409, 404, 403, 403, 403, 401],
} as const satisfies Record<TargetName, Codes>;
/** inspector or lead by role; team members only. */
const TEAM_COMMAND = {
  ownUnit: [403, 409, 403, 409, 403, 403, 403, 403, 401],
  otherUnit: [403, 409, 403, 409, 403, 403, 403, 403, 401],
  plannedSecret: [403, 409, 404, 409, 404, 403, 403, 403, 401],
} as const satisfies Record<TargetName, Codes>;
/** chairman by role (the chairman sees every inspection). */
const CHAIRMAN_COMMAND: Codes = [403, 403, 403, 403, 403, 409, 403, 403, 401];
/** unit_head by role; that unit's head only, and only once the visit started. */
const UNIT_COMMAND = {
  ownUnit: [403, 403, 403, 403, 403, 403, 409, 404, 401],
  otherUnit: [403, 403, 403, 403, 403, 403, 404, 409, 401],
  plannedSecret: [403, 403, 403, 403, 403, 403, 404, 404, 401],
} as const satisfies Record<TargetName, Codes>;
const OWN_UNIT_ONLY = (other: 403 | 404) =>
  ({
    ownUnit: [200, 200, 200, 200, 200, 200, 200, other, 401],
    otherUnit: [200, 200, 200, 200, 200, 200, other, 200, 401],
    plannedSecret: [200, 200, 200, 200, 200, 200, 200, other, 401],
  }) as const satisfies Record<TargetName, Codes>;

/** admin by role; the admin meets `allowed` (what the row says), everyone else the guard's 403. */
/** A calendar entry id that exists nowhere. */
const NO_SUCH_ENTRY = '00000000-0000-4000-8000-00000000ca1e';
const ADMIN_ONLY = (allowed: number): Codes => [allowed, 403, 403, 403, 403, 403, 403, 403, 401];
const IMPORT_HEADER = 'Mã đơn vị,Tên đơn vị,Loại đơn vị,Tên đăng nhập,Họ và tên,Vai trò';
const IMPORT_ROW_OK = 'P-THU-QUYEN,Phòng Thử quyền,Phòng ban,,,';
const IMPORT_ROW_BAD = 'P-THU-QUYEN,Phòng Thử quyền,hành tinh,,,';
const importFile = (row: string) => ({ content: Buffer.from(`${IMPORT_HEADER}\r\n${row}\r\n`, 'utf8'), fileName: 'nhap.csv', contentType: 'text/csv' });

export const PERMISSION_TABLE: readonly PermissionRow[] = [
  // ── Session and people ────────────────────────────────────────────────────────────────────
  {
    method: 'POST', path: '/auth/login',
    allowed: 'public: each role logs in with its own password; without a token, as the lead',
    request: (_t, { people, user }) => at('/auth/login', { username: (user ?? people.lead).username, password: TEST_PASSWORD }),
    expect: ANYONE,
  },
  {
    method: 'POST', path: '/auth/refresh',
    allowed: 'public, and the bearer token plays no part: without a session cookie every caller is 401',
    request: () => at('/auth/refresh', {}),
    expect: [401, 401, 401, 401, 401, 401, 401, 401, 401],
  },
  {
    method: 'POST', path: '/auth/logout',
    allowed: '400: a body other than {} is refused after the access check (the session stays open)',
    request: () => at('/auth/logout', { everywhere: true }),
    expect: [400, 400, 400, 400, 400, 400, 400, 400, 401],
  },
  { method: 'GET', path: '/me', request: () => at('/me'), expect: LOGGED_IN },
  {
    method: 'POST', path: '/me/password',
    allowed: '400: a wrong current password (nothing changed, no session ended)',
    request: () => at('/me/password', { currentPassword: 'not the current password', newPassword: 'a new long enough password' }),
    expect: [400, 400, 400, 400, 400, 400, 400, 400, 401],
  },
  { method: 'PATCH', path: '/me', allowed: 'each caller sets their own language to vi, which it already is', request: () => at('/me', { language: 'vi' }), expect: LOGGED_IN },
  { method: 'GET', path: '/me/notifications', request: () => at('/me/notifications?unread=true'), expect: LOGGED_IN },
  { method: 'GET', path: '/me/work', allowed: 'each caller their own work (never another’s; a unit head never a planned inspection)', request: () => at('/me/work'), expect: LOGGED_IN },
  {
    method: 'POST', path: '/me/notifications/:id/read',
    allowed: 'the addressee only: the unit head of the inspected unit (own/other), the lead (window missed, secret)',
    request: (t) => at(`/me/notifications/${t.notificationId}/read`, {}),
    expect: {
      ownUnit: [404, 404, 404, 404, 404, 404, 200, 404, 401],
      otherUnit: [404, 404, 404, 404, 404, 404, 404, 200, 401],
      plannedSecret: [404, 404, 404, 200, 404, 404, 404, 404, 401],
    },
  },
  { method: 'GET', path: '/units', request: () => at('/units'), expect: STAFF },
  {
    method: 'POST', path: '/units',
    allowed: '409: the target unit’s code is taken (nothing created)',
    request: (t, { people }) => at('/units', { code: t.unitId === people.units.a ? 'UNIT-A' : 'UNIT-B', name: 'Trùng mã', kind: 'commune' }),
    expect: [409, 403, 403, 403, 403, 403, 403, 403, 401],
  },
  { method: 'GET', path: '/units/:id', allowed: 'a unit head: their own unit only (404 for another)', request: (t) => at(`/units/${t.unitId}`), expect: OWN_UNIT_ONLY(404) },
  { method: 'GET', path: '/users', allowed: 'staff roles, to pick people for teams', request: () => at('/users?role=unit_head&q=head&active=true'), expect: STAFF },
  {
    method: 'POST', path: '/users',
    allowed: '409: the username is taken (nothing created)',
    request: (_t, { people }) => at('/users', { username: people.lead.username, displayName: 'Trùng tên', role: 'inspector', password: 'a long enough password' }),
    expect: [409, 403, 403, 403, 403, 403, 403, 403, 401],
  },

  {
    method: 'PATCH', path: '/users/:id',
    allowed: '400: an admin binds an inspector to a unit (refused after the role check; nothing changed)',
    request: (t, { people }) => at(`/users/${people.inspector2.id}`, { unitId: t.unitId }),
    expect: [400, 403, 403, 403, 403, 403, 403, 403, 401],
  },
  {
    method: 'POST', path: '/users/:id/deactivate',
    allowed: '409: the admin tries to deactivate their own account (nothing changed)',
    request: (_t, { people }) => at(`/users/${people.admin.id}/deactivate`, {}),
    expect: [409, 403, 403, 403, 403, 403, 403, 403, 401],
  },
  {
    method: 'POST', path: '/users/:id/reactivate',
    allowed: 'an active account reactivated stays as it was',
    request: (_t, { people }) => at(`/users/${people.inspector2.id}/reactivate`, {}),
    expect: [200, 403, 403, 403, 403, 403, 403, 403, 401],
  },
  {
    method: 'POST', path: '/users/:id/password-reset',
    allowed: '400: a temporary password too short (refused after the role check; nothing changed)',
    request: (_t, { people }) => at(`/users/${people.inspector2.id}/password-reset`, { temporaryPassword: 'short' }),
    expect: [400, 403, 403, 403, 403, 403, 403, 403, 401],
  },
  {
    method: 'PATCH', path: '/units/:id',
    allowed: '409: the code of the other unit (nothing changed)',
    request: (t, { people }) => at(`/units/${t.unitId}`, { code: t.unitId === people.units.a ? 'UNIT-B' : 'UNIT-A' }),
    expect: ADMIN_ONLY(409),
  },
  {
    method: 'POST', path: '/units/:id/deactivate',
    allowed: '400: an empty reason is refused (the unit stays active)',
    request: (t) => at(`/units/${t.unitId}/deactivate`, { reason: '' }),
    expect: ADMIN_ONLY(400),
  },
  { method: 'POST', path: '/units/:id/reactivate', allowed: '409: the unit is active', request: (t) => at(`/units/${t.unitId}/reactivate`, {}), expect: ADMIN_ONLY(409) },

  // ── The authority, imports ────────────────────────────────────────────────────────────────
  { method: 'GET', path: '/authority', request: () => at('/authority'), expect: STAFF },
  { method: 'PATCH', path: '/authority', allowed: '400: an empty name is refused (nothing changed)', request: () => at('/authority', { name: '' }), expect: ADMIN_ONLY(400) },
  { method: 'GET', path: '/imports/template', request: () => at('/imports/template?format=csv'), expect: ADMIN_ONLY(200) },
  { method: 'POST', path: '/imports/dry-run', allowed: 'a dry run writes nothing', request: () => ({ path: '/imports/dry-run', upload: importFile(IMPORT_ROW_OK) }), expect: ADMIN_ONLY(200) },
  {
    method: 'POST', path: '/imports/apply',
    allowed: '400: the file has a row with an error, so nothing is imported',
    request: () => ({ path: '/imports/apply', upload: importFile(IMPORT_ROW_BAD) }),
    expect: ADMIN_ONLY(400),
  },
  // ── Checklist templates ───────────────────────────────────────────────────────────────────
  { method: 'GET', path: '/checklist-templates', request: () => at('/checklist-templates'), expect: STAFF },
  { method: 'GET', path: '/checklist-versions/:version', allowed: 'open to unit heads: they read the names of the criteria their findings cite', request: () => at('/checklist-versions/demo-2023.1'), expect: LOGGED_IN },
  {
    method: 'POST', path: '/checklist-templates',
    allowed: '400: a criterion without a name is refused (nothing published)',
    request: () => at('/checklist-templates', { key: 'thu-quyen', title: 'Thử quyền', criteria: [{ code: 'A', nameVi: '', name: 'A', groupVi: 'N', group: 'G' }] }),
    expect: ADMIN_ONLY(400),
  },
  {
    method: 'POST', path: '/checklist-templates/:key/versions',
    allowed: '400: a criterion without a name is refused (nothing published)',
    request: () => at('/checklist-templates/demo-2023/versions', { title: 'Thử quyền', criteria: [{ code: 'A', nameVi: '', name: 'A', groupVi: 'N', group: 'G' }] }),
    expect: ADMIN_ONLY(400),
  },
  // ── The working-day calendar ──────────────────────────────────────────────────────────────
  { method: 'GET', path: '/calendar/years', request: () => at('/calendar/years'), expect: STAFF },
  { method: 'GET', path: '/calendar/entries', request: () => at('/calendar/entries?year=2026'), expect: STAFF },
  {
    method: 'POST', path: '/calendar/entries',
    allowed: '400: a make-up working day on a Monday is refused (nothing written)',
    request: () => at('/calendar/entries', { date: '2027-03-08', kind: 'make_up_working_day', nameVi: 'Thử', nameEn: 'Test', source: 'Thử quyền' }),
    expect: ADMIN_ONLY(400),
  },
  { method: 'PATCH', path: '/calendar/entries/:id', allowed: '404: no such entry (nothing changed)', request: () => at(`/calendar/entries/${NO_SUCH_ENTRY}`, { nameEn: 'x' }), expect: ADMIN_ONLY(404) },
  { method: 'POST', path: '/calendar/entries/:id/remove', allowed: '404: no such entry (nothing removed)', request: () => at(`/calendar/entries/${NO_SUCH_ENTRY}/remove`, {}), expect: ADMIN_ONLY(404) },
  { method: 'GET', path: '/calendar/corrections', allowed: 'a preview changes nothing', request: () => at('/calendar/corrections'), expect: ADMIN_ONLY(200) },
  { method: 'POST', path: '/calendar/corrections', allowed: '400: an empty reason is refused (nothing applied)', request: () => at('/calendar/corrections', { reason: '' }), expect: ADMIN_ONLY(400) },
  { method: 'GET', path: '/findings', allowed: 'staff; the list is filtered like the inspections (see administration.e2e)', request: () => at('/findings?q=thu'), expect: STAFF },

  // ── Campaigns ─────────────────────────────────────────────────────────────────────────────
  {
    method: 'POST', path: '/campaigns',
    allowed: '400: the service refuses a leadInspectorId that is not a lead (after the role check; nothing created)',
    request: (t, { people }) =>
      at('/campaigns', { title: 'Thử quyền', year: 2026, legalBasis: 'KH thử', leadInspectorId: people.inspector1.id, inspectorIds: [], targets: [{ unitId: t.unitId, ...future }] }),
    expect: [403, 403, 403, 400, 400, 403, 403, 403, 401],
  },
  { method: 'GET', path: '/campaigns', request: () => at('/campaigns?year=2026'), expect: STAFF },
  { method: 'GET', path: '/campaigns/:id', request: (t) => at(`/campaigns/${t.campaignId}`), expect: STAFF },
  {
    method: 'POST', path: '/campaigns/:id/targets',
    allowed: '409: the unit already has an open inspection in the campaign (the domain checks the lead first: 403 for another lead)',
    request: (t) => at(`/campaigns/${t.campaignId}/targets`, { unitId: t.unitId, ...future }),
    expect: [403, 403, 403, 409, 403, 403, 403, 403, 401],
  },
  {
    method: 'PATCH', path: '/campaigns/:id',
    allowed: '200: an empty change records nothing (the domain checks the lead first: 403 for another lead)',
    request: (t) => at(`/campaigns/${t.campaignId}`, {}),
    expect: [403, 403, 403, 200, 403, 403, 403, 403, 401],
  },
  {
    method: 'POST', path: '/campaigns/:id/team',
    allowed: '200: the same team again records nothing (lead or chairman; another lead: the domain\'s 403)',
    request: (t, { people }) => at(`/campaigns/${t.campaignId}/team`, { leadInspectorId: people.lead.id, inspectorIds: [people.inspector1.id, people.inspector2.id] }),
    expect: [403, 403, 403, 200, 403, 200, 403, 403, 401],
  },
  {
    method: 'POST', path: '/campaigns/:id/targets/:inspectionId/remove',
    allowed: '409: the inspection is not a target of this campaign, whatever it is (the domain checks the lead first: 403 for another lead)',
    request: (t) => at(`/campaigns/${t.campaignId}/targets/${t.endedInspectionId}/remove`, { reason: 'Thử quyền.' }),
    expect: [403, 403, 403, 409, 403, 403, 403, 403, 401],
  },
  {
    method: 'POST', path: '/campaigns/:id/cancel',
    allowed: '409: the campaign is already completed (lead or chairman; another lead: the domain\'s 403)',
    request: (t) => at(`/campaigns/${t.completedCampaignId}/cancel`, { reason: 'Thử quyền.' }),
    expect: [403, 403, 403, 409, 403, 409, 403, 403, 401],
  },

  // ── Inspections: reading ──────────────────────────────────────────────────────────────────
  { method: 'GET', path: '/inspections', allowed: 'everyone logged in; the list is filtered (see the confidentiality suite)', request: (t) => at(`/inspections?campaignId=${t.campaignId}`), expect: LOGGED_IN },
  { method: 'GET', path: '/inspections/:id', request: (t) => at(insp(t)), expect: SEE_INSPECTION },
  { method: 'GET', path: '/inspections/:id/events', request: (t) => at(insp(t, '/events')), expect: SEE_INSPECTION },
  {
    method: 'GET', path: '/inspections/:id/conclusion.pdf',
    allowed: '200 where approved; 409 on the planned one (no approved conclusion) for those who may see it',
    request: (t) => at(insp(t, '/conclusion.pdf')),
    expect: { ...SEE_INSPECTION, plannedSecret: [404, 409, 404, 409, 404, 409, 404, 404, 401] },
  },

  // ── Inspections: commands (409 = allowed, refused for the state; nothing changes) ───────────
  {
    method: 'POST', path: '/inspections/:id/reschedule',
    allowed: '409 (remediating); on the planned one 400: windowEnd before windowStart, refused by the domain after who-may and status',
    request: (t) => at(insp(t, '/reschedule'), { windowStart: inDays(6), windowEnd: inDays(5) }),
    expect: { ...LEAD_COMMAND, plannedSecret: [403, 403, 403, 400, 404, 403, 403, 403, 401] },
  },
  { method: 'POST', path: '/inspections/:id/start', allowed: '409 (remediating; the planned one’s window has closed)', request: (t) => at(insp(t, '/start'), {}), expect: LEAD_COMMAND },
  {
    method: 'POST', path: '/inspections/:id/findings', allowed: '409 (not in_progress)',
    request: (t) => at(insp(t, '/findings'), { criterionCode: 'KL-01', severity: 'minor', description: 'Thử quyền', evidence: [{ text: 'ghi chú' }] }),
    expect: TEAM_COMMAND,
  },
  {
    method: 'PATCH', path: '/inspections/:id/findings/:findingId', allowed: '409 (the visit is not open; checked before authorship)',
    request: (t) => at(insp(t, `/findings/${t.findingId}`), { description: 'Sửa thử' }),
    expect: TEAM_COMMAND,
  },
  {
    method: 'POST', path: '/inspections/:id/findings/:findingId/withdraw', allowed: '409 (the visit is not open)',
    request: (t) => at(insp(t, `/findings/${t.findingId}/withdraw`), { reason: 'Rút thử' }),
    expect: TEAM_COMMAND,
  },
  { method: 'POST', path: '/inspections/:id/end-visit', allowed: '409 (not in_progress)', request: (t) => at(insp(t, '/end-visit'), {}), expect: LEAD_COMMAND },
  {
    method: 'POST', path: '/inspections/:id/conclusion', allowed: '409 (not drafting)',
    request: (t) => at(insp(t, '/conclusion'), { summary: 'Thử', rating: 'fair', actions: [] }),
    expect: LEAD_COMMAND,
  },
  { method: 'POST', path: '/inspections/:id/conclusion/approve', allowed: '409 (not awaiting approval)', request: (t) => at(insp(t, '/conclusion/approve'), {}), expect: CHAIRMAN_COMMAND },
  { method: 'POST', path: '/inspections/:id/conclusion/return', allowed: '409 (not awaiting approval)', request: (t) => at(insp(t, '/conclusion/return'), { comment: 'Thử' }), expect: CHAIRMAN_COMMAND },
  {
    method: 'POST', path: '/inspections/:id/conclusion/dissent', allowed: '409 (neither drafting nor awaiting approval); inspectors of the team only',
    request: (t) => at(insp(t, '/conclusion/dissent'), { text: 'Thử' }),
    expect: {
      ownUnit: [403, 409, 403, 403, 403, 403, 403, 403, 401],
      otherUnit: [403, 409, 403, 403, 403, 403, 403, 403, 401],
      plannedSecret: [403, 409, 404, 403, 403, 403, 403, 403, 401],
    },
  },
  {
    method: 'POST', path: '/inspections/:id/response', allowed: '409 (not awaiting a response)',
    request: (t) => at(insp(t, '/response'), { items: [{ findingId: t.findingId, position: 'accepted', explanation: 'Thử', plan: { owner: 'Phó trưởng phòng', dueDate: inDays(20) } }] }),
    expect: UNIT_COMMAND,
  },
  {
    method: 'POST', path: '/inspections/:id/extension-request', allowed: '409 (not awaiting a response)',
    request: (t) => at(insp(t, '/extension-request'), { reason: 'Thử', requestedDeadline: inDays(30) }),
    expect: UNIT_COMMAND,
  },
  {
    method: 'POST', path: '/inspections/:id/extension-request/decide', allowed: '409 (not awaiting a response)',
    request: (t) => at(insp(t, '/extension-request/decide'), { decision: 'refused', note: 'Thử' }),
    expect: LEAD_COMMAND,
  },
  {
    method: 'POST', path: '/inspections/:id/disputes/:findingId/resolve', allowed: '409 (the finding has no pending dispute; planned: not remediating)',
    request: (t) => at(insp(t, `/disputes/${t.findingId}/resolve`), { decision: 'upheld', note: 'Thử' }),
    expect: LEAD_COMMAND,
  },
  {
    method: 'POST', path: '/inspections/:id/actions/:actionId/report', allowed: '409 (the action is already reported)',
    request: (t) => at(insp(t, `/actions/${t.actionId}/report`), { note: 'Thử', evidence: [{ text: 'ảnh' }] }),
    expect: UNIT_COMMAND,
  },
  {
    method: 'POST', path: '/inspections/:id/actions/:actionId/verify',
    allowed: '409: sent to the visited-then-cancelled inspection (own/other) and to the planned one cancelled before its visit: nothing to verify',
    request: (t) => at(ended(t, `/actions/${t.actionId}/verify`), { decision: 'verified', note: 'Thử' }),
    expect: LEAD_COMMAND,
  },
  {
    method: 'POST', path: '/inspections/:id/follow-up',
    allowed: '409: sent to the visited-then-cancelled inspection (own/other) and to the planned one cancelled before its visit (neither remediating nor closed)',
    request: (t) => at(ended(t, '/follow-up'), future),
    expect: LEAD_COMMAND,
  },
  {
    method: 'POST', path: '/inspections/:id/cancel',
    allowed: '409: sent to the visited-then-cancelled inspection (own/other) and to a planned one cancelled before its visit (secret still)',
    request: (t) => at(ended(t, '/cancel'), { reason: 'Thử' }),
    expect: {
      ownUnit: [403, 403, 403, 409, 403, 409, 403, 403, 401],
      otherUnit: [403, 403, 403, 409, 403, 409, 403, 403, 401],
      plannedSecret: [403, 403, 403, 409, 404, 409, 403, 403, 401],
    },
  },

  // ── Accountability ────────────────────────────────────────────────────────────────────────
  { method: 'GET', path: '/accountability-cases', request: () => at('/accountability-cases?status=decided'), expect: [403, 403, 403, 200, 200, 200, 200, 200, 401] },
  {
    method: 'POST', path: '/accountability-cases/:id/decision',
    allowed: '409: the case is already decided; the planned inspection can have no case (404 for the chairman)',
    request: (t) => at(`/accountability-cases/${t.caseId}/decision`, { outcome: 'criticized', note: 'Thử' }),
    expect: { ownUnit: CHAIRMAN_COMMAND, otherUnit: CHAIRMAN_COMMAND, plannedSecret: [403, 403, 403, 403, 403, 404, 403, 403, 401] },
  },

  // ── Attachments ───────────────────────────────────────────────────────────────────────────
  { method: 'POST', path: '/attachments', request: () => ({ path: '/attachments', upload: textFile('Thử quyền\n') }), expect: [201, 201, 201, 201, 201, 201, 201, 201, 401] },
  {
    method: 'GET', path: '/attachments/:id',
    allowed: 'own/other: whoever may see the inspection citing it; secret: cited nowhere yet, so its uploader (teamInsp) only',
    request: (t) => at(`/attachments/${t.attachmentId}`),
    expect: { ...SEE_INSPECTION, plannedSecret: [404, 200, 404, 404, 404, 404, 404, 404, 401] },
  },

  // ── Reports ───────────────────────────────────────────────────────────────────────────────
  { method: 'GET', path: '/reports/dashboard', request: () => at('/reports/dashboard'), expect: LOGGED_IN },
  { method: 'GET', path: '/reports/dashboard', allowed: 'as CSV', request: () => at('/reports/dashboard?format=csv'), expect: LOGGED_IN },
  { method: 'GET', path: '/reports/dashboard', allowed: 'as XLSX', request: () => at('/reports/dashboard?format=xlsx'), expect: LOGGED_IN },
  { method: 'GET', path: '/reports/units/:id', allowed: 'a unit head: their own unit only (403 for another, whatever the unit)', request: (t) => at(`/reports/units/${t.unitId}`), expect: OWN_UNIT_ONLY(403) },
  { method: 'GET', path: '/reports/units/:id', allowed: 'as CSV', request: (t) => at(`/reports/units/${t.unitId}?format=csv`), expect: OWN_UNIT_ONLY(403) },
  { method: 'GET', path: '/reports/campaigns/:id', request: (t) => at(`/reports/campaigns/${t.campaignId}`), expect: STAFF },
  { method: 'GET', path: '/reports/campaigns/:id', allowed: 'as XLSX', request: (t) => at(`/reports/campaigns/${t.campaignId}?format=xlsx`), expect: STAFF },
  { method: 'GET', path: '/reports/overdue', request: () => at('/reports/overdue'), expect: LOGGED_IN },

  // ── Operations and documentation ──────────────────────────────────────────────────────────
  { method: 'GET', path: '/health', request: () => at('/health'), expect: ANYONE },
  { method: 'GET', path: '/audit/verify', request: () => at('/audit/verify'), expect: [200, 403, 403, 403, 403, 200, 403, 403, 401] },
  { method: 'GET', path: '/audit/log', request: () => at('/audit/log?limit=5'), expect: [200, 403, 403, 403, 403, 200, 403, 403, 401] },
  { method: 'GET', path: '/audit/log', allowed: 'as CSV', request: () => at('/audit/log?format=csv&kind=login'), expect: [200, 403, 403, 403, 403, 200, 403, 403, 401] },
  { method: 'GET', path: '/docs', unprefixed: true, request: () => at('/docs'), expect: ANYONE },
  { method: 'GET', path: '/docs-json', unprefixed: true, request: () => at('/docs-json'), expect: ANYONE },
];

/** `/inspections/:id/findings/:findingId` → `/inspections/:/findings/:` (parameter names differ between sources). */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/:[A-Za-z]+|\{[A-Za-z]+\}/g, ':')}`;
}
