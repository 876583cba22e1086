import fc from 'fast-check';
import { ACCOUNTABILITY_OUTCOMES, RATINGS, ROLES, SEVERITIES } from '@inspectorate/domain';
import { UNIT_KINDS } from '@inspectorate/directory';
import { TEST_PASSWORD, TestUser } from '../harness/people';
import { eventually, Scenario } from '../harness/scenario';
import { inDays } from '../harness/time';
import { useStack } from '../harness/use-stack';
import {
  BodySpec, date, Field, FuzzBody, integer, list, malformedImport, malformedJson, malformedQuery, malformedUpload, object, oneOf, pattern, queryDate, queryOneOf, queryUuid, text, textOrEmpty, uuid, hostileText,
} from './security/fuzz-bodies';
import { AUDIT_KINDS } from '../../apps/api/src/audit/audit-trail';
import { IMPORT_MAX_BYTES } from '../../apps/api/src/imports/imports.controller';
import { mapLimit, RawResponse, send } from './security/http';
import { eventLogHead, LogHead, tableCounts } from './security/snapshots';

/**
 * Every command endpoint, and the other endpoints that write (units, users, login, attachments),
 * receives a few hundred generated malformed requests, each sent by a caller who may use the
 * endpoint, at an inspection in the very state where a valid request would succeed. Every answer
 * must be a 4xx problem+json with status, title and detail, and no stack trace or internals; and
 * afterwards the event log and every projection table are exactly as they were.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const LIMIT_BYTES = 65_536;

interface Target {
  readonly name: string;
  readonly method: 'POST' | 'PATCH';
  readonly path: string;
  readonly user: TestUser | undefined;
  readonly bodies: fc.Arbitrary<FuzzBody>;
}

/** A text whose only rule is its length (no trimming): the login's username and password. */
const sized = (name: string, min: number, max: number): Field => ({
  name,
  required: true,
  invalid: fc.constantFrom(...(min > 1 ? ['x'.repeat(min - 1)] : ['']), 'x'.repeat(max + 1), 0, true, null, [], {}, { $gt: '' }, { $ne: null }),
});

describe('fuzzing: malformed requests are refused, explained, and change nothing', () => {
  const stack = useStack({ env: { ATTACHMENT_MAX_BYTES: String(LIMIT_BYTES), BODY_LIMIT_BYTES: String(LIMIT_BYTES), LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } });
  let targets: Target[];
  let headBefore: LogHead;
  let countsBefore: Record<string, number>;
  let plannedId: string;

  beforeAll(async () => {
    process.stdout.write(`fuzz: ${RUNS} malformed requests per endpoint, seed ${SEED} (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} to replay)\n`);
    const { api, people } = stack;
    const scenario = new Scenario(stack);

    // Each command meets an inspection in the state where a valid request would be taken.
    const planned = await scenario.plannedInspection({ units: [people.units.a] });
    plannedId = planned.inspectionId;
    const visit = await scenario.campaign({ units: [people.units.a, people.units.b, people.units.c] });
    const [ipId, drId, aaId] = [people.units.a, people.units.b, people.units.c].map((u) => visit.targets.find((t: { unitId: string }) => t.unitId === u).inspectionId as string);
    const answered = await scenario.campaign({ units: [people.units.a], policy: { responseDeadline: { duration: 'PT2S' }, reminderOffsets: [] } });
    const arId = answered.targets[0].inspectionId as string;
    const extended = await scenario.campaign({ units: [people.units.b] });
    const ar2Id = extended.targets[0].inspectionId as string;
    const remedied = await scenario.campaign({ units: [people.units.c] });
    const rmId = remedied.targets[0].inspectionId as string;

    const [ipFinding, drFinding, , arFinding, rm] = await Promise.all([
      (async () => {
        await scenario.start(ipId);
        return scenario.finding(ipId);
      })(),
      (async () => {
        await scenario.start(drId);
        const f = await scenario.finding(drId);
        await scenario.endVisit(drId);
        return f;
      })(),
      (async () => {
        await scenario.start(aaId);
        const f = await scenario.finding(aaId);
        await scenario.endVisit(aaId);
        await scenario.conclude(aaId, [{ findingId: f }]);
      })(),
      (async () => {
        await scenario.start(arId);
        const f = await scenario.finding(arId);
        await scenario.endVisit(arId);
        await scenario.conclude(arId, [{ findingId: f }]);
        await scenario.approve(arId);
        await (async () => {
          await scenario.start(ar2Id);
          const f2 = await scenario.finding(ar2Id);
          await scenario.endVisit(ar2Id);
          await scenario.conclude(ar2Id, [{ findingId: f2 }]);
          await scenario.approve(ar2Id);
          await api.expect(200, api.post(people.headB, `/inspections/${ar2Id}/extension-request`, { reason: 'Xin gia hạn.', requestedDeadline: inDays(30) }));
        })();
        return f;
      })(),
      (async () => {
        await scenario.start(rmId);
        const fs = [await scenario.finding(rmId), await scenario.finding(rmId), await scenario.finding(rmId)];
        await scenario.endVisit(rmId);
        await scenario.conclude(rmId, fs.map((findingId) => ({ findingId })));
        await scenario.approve(rmId);
        const responded = await scenario.respond(rmId, people.headC, [
          { findingId: fs[0], position: 'accepted' },
          { findingId: fs[1], position: 'accepted' },
          { findingId: fs[2], position: 'disputed' },
        ]);
        const actionOf = (findingId: string) => responded.actions.find((a: { findingId: string }) => a.findingId === findingId).id as string;
        await scenario.report(rmId, people.headC, actionOf(fs[1]));
        return { disputed: fs[2], open: actionOf(fs[0]), reported: actionOf(fs[1]) };
      })(),
    ]);
    const caseId = await eventually(async () => (await api.expect(200, api.get(people.chairman, `/inspections/${arId}`))).accountabilityCaseIds[0] as string | undefined);
    const notes = await api.expect(200, api.get(people.headA, '/me/notifications?limit=500'));
    const noteId = notes.items.find((n: { inspectionId: string }) => n.inspectionId === ipId).id as string;

    const window = { windowStart: inDays(1), windowEnd: inDays(9) };
    const windowFields = [date('windowStart'), date('windowEnd')];
    const evidence = list('evidence', {
      required: false,
      max: 50,
      valid: { text: 'Biên bản' },
      badItems: [{}, { attachmentId: 'x' }, { text: '' }, { text: '   ' }, 'x', 1, null, { attachmentId: 1 }, { text: 'x', extra: 1 }, { text: 'x'.repeat(10_001) }],
    });
    const people_ = list('people', { required: false, max: 50, valid: 'Nguyễn Văn A', badItems: ['', '  ', 1, null, 'x'.repeat(201), {}] });
    const criterion = (required: boolean) => pattern('criterionCode', ['kl-01', 'KL-1', 'KL-001', 'KL01', 'ZZ-99', 'KL-01; DROP TABLE events', '', ' KL-01x'], required);
    const json = (spec: BodySpec) => malformedJson(spec, LIMIT_BYTES);
    // A criterion of a new checklist version: any code format, but unique, short and without control characters.
    const criterionDraft = { code: 'Điều 1', nameVi: 'Chấp hành giờ giấc', name: 'Working hours', groupVi: 'Kỷ luật', group: 'Discipline' };
    const criteriaField = list('criteria', {
      min: 1,
      max: 200,
      valid: criterionDraft,
      badItems: [
        { ...criterionDraft, code: '' }, { ...criterionDraft, code: 'x'.repeat(41) }, { ...criterionDraft, code: 'A\u0000' }, { ...criterionDraft, code: 'A\u0007B' }, { ...criterionDraft, code: 7 },
        { ...criterionDraft, nameVi: '  ' }, { ...criterionDraft, name: 'n'.repeat(501) }, { ...criterionDraft, groupVi: undefined }, { ...criterionDraft, group: 'g'.repeat(201) },
        { ...criterionDraft, extra: 1 }, {}, 'x', null,
      ],
      // The same code twice, also when written with decomposed marks.
      badLists: [[criterionDraft, criterionDraft], [criterionDraft, { ...criterionDraft, code: criterionDraft.code.normalize('NFD') }]],
    });
    const action = { findingId: drFinding, requirement: 'Chấn chỉnh', dueDate: inDays(30) };
    const item = { findingId: arFinding, position: 'accepted', explanation: 'Tiếp thu', plan: { owner: 'Phó Chủ tịch', dueDate: inDays(20) } };
    const target = { unitId: people.units.c, ...window };
    const unitCodes = ['a', 'lower-case', '-LEADING', 'X'.repeat(65), 'A B', "A';--", ''];
    const inactiveUnit = await api.expect(201, api.post(people.admin, '/units', { code: 'FUZZ-INACTIVE', name: 'Đơn vị đã giải thể', kind: 'commune' }));
    await api.expect(200, api.post(people.admin, `/units/${inactiveUnit.id}/deactivate`, {}));
    const calendarEntry = (await api.expect(200, api.get(people.admin, '/calendar/entries?year=2026'))).entries[0];
    const entryFields = (required: boolean) => [
      date('date', required),
      oneOf('kind', ['holiday', 'make_up_working_day'], required),
      text('nameVi', 200, required),
      text('nameEn', 200, required),
      text('source', 500, required),
    ];

    targets = [
      {
        name: 'log in', method: 'POST', path: '/auth/login', user: undefined,
        bodies: json({ valid: { username: people.lead.username, password: TEST_PASSWORD }, fields: [{ ...sized('username', 1, 64), hostile: hostileText(64) }, sized('password', 1, 128)] }),
      },
      {
        name: 'change my profile', method: 'PATCH', path: '/me', user: people.inspector2,
        bodies: json({ valid: { language: 'en', displayName: 'Người thử' }, fields: [oneOf('language', ['vi', 'en'], false), text('displayName', 200, false)] }),
      },
      { name: 'refresh the session', method: 'POST', path: '/auth/refresh', user: undefined, bodies: json({ valid: {}, fields: [] }) },
      { name: 'log out', method: 'POST', path: '/auth/logout', user: people.inspector2, bodies: json({ valid: {}, fields: [] }) },
      {
        name: 'change my password', method: 'POST', path: '/me/password', user: people.inspector2,
        bodies: json({ valid: { currentPassword: TEST_PASSWORD, newPassword: 'a new long enough password' }, fields: [sized('currentPassword', 1, 128), sized('newPassword', 12, 128)] }),
      },
      {
        name: 'change an account', method: 'PATCH', path: `/users/${people.outsideInspector.id}`, user: people.admin,
        bodies: json({ valid: { displayName: 'Người thử', role: 'inspector' }, fields: [text('displayName', 200, false), oneOf('role', ROLES, false), uuid('unitId', false)] }),
      },
      { name: 'deactivate an account', method: 'POST', path: `/users/${people.outsideInspector.id}/deactivate`, user: people.admin, bodies: json({ valid: {}, fields: [] }) },
      { name: 'reactivate an account', method: 'POST', path: `/users/${people.outsideInspector.id}/reactivate`, user: people.admin, bodies: json({ valid: {}, fields: [] }) },
      {
        name: 'reset a password', method: 'POST', path: `/users/${people.outsideInspector.id}/password-reset`, user: people.admin,
        bodies: json({ valid: { temporaryPassword: 'temporary password 2026' }, fields: [sized('temporaryPassword', 12, 128)] }),
      },
      {
        name: 'create a unit', method: 'POST', path: '/units', user: people.admin,
        bodies: json({ valid: { code: 'FUZZ-UNIT', name: 'Phòng Thử nghiệm', kind: 'commune' }, fields: [pattern('code', ['a', 'lower-case', '-LEADING', 'X'.repeat(65), 'A B', "A';--", '']), text('name', 200), oneOf('kind', UNIT_KINDS)] }),
      },
      {
        name: 'create a user', method: 'POST', path: '/users', user: people.admin,
        bodies: json({
          valid: { username: 'fuzz.user', displayName: 'Người thử', role: 'inspector', password: 'a long enough password' },
          fields: [pattern('username', ['ab', 'a b', '-x', 'x'.repeat(65), "x';--", 'ü..', '']), text('displayName', 200), oneOf('role', ROLES), uuid('unitId', false), { ...sized('password', 12, 128) }],
        }),
      },
      {
        name: 'create a campaign', method: 'POST', path: '/campaigns', user: people.lead,
        bodies: json({
          valid: { title: 'Kiểm tra thử', year: 2026, legalBasis: 'KH thử', leadInspectorId: people.lead.id, inspectorIds: [people.inspector1.id], targets: [target], policy: { responseDeadline: { workingDays: 10 } } },
          fields: [
            text('title', 300),
            integer('year', 2000, 2100),
            text('legalBasis', 1000),
            uuid('leadInspectorId'),
            list('inspectorIds', { max: 50, valid: people.inspector1.id, badItems: ['x', 1, null, {}], badLists: [[people.inspector1.id, people.inspector1.id]] }),
            list('targets', { min: 1, max: 500, valid: target, badItems: [{ ...target, unitId: 'x' }, { ...target, windowStart: '2023-02-30' }, { ...target, windowEnd: 5 }, {}, 'x', { ...target, extra: 1 }, null] }),
            object('policy', ['PT5S', 1, [], true, { unknown: 1 }, { responseDeadline: 'PT5S' }, { responseDeadline: { workingDays: 0 } }, { responseDeadline: { workingDays: 1e9 } }, { reminderOffsets: 'x' }, { reminderOffsets: Array(11).fill({ workingDays: 1 }) }, { responseDeadline: { duration: 'five seconds' } }]),
            pattern('checklistVersion', ['demo-2023', 'demo-2023.0', 'demo-2023.99', 'DEMO-2023.1', 'khong-co.1', '', ' demo-2023.1', 'demo-2023.1; DROP TABLE events'], false),
          ],
        }),
      },
      { name: 'add a target', method: 'POST', path: `/campaigns/${planned.campaignId}/targets`, user: people.lead, bodies: json({ valid: target, fields: [uuid('unitId'), ...windowFields] }) },
      {
        name: 'change a campaign', method: 'PATCH', path: `/campaigns/${planned.campaignId}`, user: people.lead,
        bodies: json({ valid: { title: 'Kiểm tra thử (sửa)', legalBasis: 'KH thử (sửa)' }, fields: [text('title', 300, false), text('legalBasis', 1000, false)] }),
      },
      {
        name: 'change the team', method: 'POST', path: `/campaigns/${planned.campaignId}/team`, user: people.lead,
        bodies: json({
          valid: { leadInspectorId: people.lead.id, inspectorIds: [people.inspector1.id] },
          fields: [uuid('leadInspectorId'), list('inspectorIds', { max: 50, valid: people.inspector1.id, badItems: ['x', 1, null, {}], badLists: [[people.inspector1.id, people.inspector1.id]] })],
        }),
      },
      { name: 'remove a target', method: 'POST', path: `/campaigns/${planned.campaignId}/targets/${plannedId}/remove`, user: people.lead, bodies: json({ valid: { reason: 'Bỏ' }, fields: [text('reason', 10_000)] }) },
      { name: 'cancel a campaign', method: 'POST', path: `/campaigns/${planned.campaignId}/cancel`, user: people.lead, bodies: json({ valid: { reason: 'Dừng' }, fields: [text('reason', 10_000)] }) },
      { name: 'reschedule', method: 'POST', path: `/inspections/${plannedId}/reschedule`, user: people.lead, bodies: json({ valid: window, fields: windowFields }) },
      { name: 'start the visit', method: 'POST', path: `/inspections/${plannedId}/start`, user: people.lead, bodies: json({ valid: {}, fields: [] }) },
      {
        name: 'record a finding', method: 'POST', path: `/inspections/${ipId}/findings`, user: people.inspector1,
        bodies: json({
          valid: { criterionCode: 'KL-02', severity: 'minor', description: 'Không đeo thẻ công chức', evidence: [{ text: 'Ảnh' }], people: ['Nguyễn Văn A'] },
          fields: [criterion(true), oneOf('severity', SEVERITIES), text('description', 10_000), evidence, people_],
        }),
      },
      {
        name: 'amend a finding', method: 'PATCH', path: `/inspections/${ipId}/findings/${ipFinding}`, user: people.inspector1,
        bodies: json({ valid: { description: 'Sửa lại' }, fields: [criterion(false), oneOf('severity', SEVERITIES, false), text('description', 10_000, false), evidence, people_] }),
      },
      { name: 'withdraw a finding', method: 'POST', path: `/inspections/${ipId}/findings/${ipFinding}/withdraw`, user: people.inspector1, bodies: json({ valid: { reason: 'Ghi nhầm' }, fields: [text('reason', 10_000)] }) },
      { name: 'end the visit', method: 'POST', path: `/inspections/${ipId}/end-visit`, user: people.lead, bodies: json({ valid: {}, fields: [] }) },
      {
        name: 'submit the conclusion', method: 'POST', path: `/inspections/${drId}/conclusion`, user: people.lead,
        bodies: json({
          valid: { summary: 'Kết luận', rating: 'fair', actions: [action] },
          fields: [text('summary', 10_000), oneOf('rating', RATINGS), list('actions', { max: 200, valid: action, badItems: [{ ...action, findingId: 'x' }, { ...action, dueDate: '2023-02-30' }, { ...action, requirement: '' }, {}, 'x', null] })],
        }),
      },
      { name: 'record a dissent', method: 'POST', path: `/inspections/${drId}/conclusion/dissent`, user: people.inspector1, bodies: json({ valid: { text: 'Tôi không đồng ý' }, fields: [text('text', 10_000)] }) },
      {
        name: 'approve the conclusion', method: 'POST', path: `/inspections/${aaId}/conclusion/approve`, user: people.chairman,
        bodies: json({ valid: {}, fields: [pattern('contentHash', ['abc', 'g'.repeat(64), 'a'.repeat(63), 'A'.repeat(64), 'a'.repeat(65), ''], false)] }),
      },
      { name: 'return the conclusion', method: 'POST', path: `/inspections/${aaId}/conclusion/return`, user: people.chairman, bodies: json({ valid: { comment: 'Bổ sung' }, fields: [text('comment', 10_000)] }) },
      {
        name: 'respond', method: 'POST', path: `/inspections/${arId}/response`, user: people.headA,
        bodies: json({
          valid: { items: [item] },
          fields: [
            list('items', {
              min: 1,
              max: 500,
              valid: item,
              badItems: [{ ...item, findingId: 'x' }, { ...item, position: 'maybe' }, { ...item, plan: { owner: '', dueDate: inDays(2) } }, { ...item, plan: { owner: 'x', dueDate: '2023-02-30' } }, { ...item, plan: 'x' }, { ...item, explanation: 1 }, {}, 'x', null],
            }),
          ],
        }),
      },
      {
        name: 'request an extension', method: 'POST', path: `/inspections/${arId}/extension-request`, user: people.headA,
        bodies: json({ valid: { reason: 'Xin gia hạn', requestedDeadline: inDays(30) }, fields: [text('reason', 10_000), date('requestedDeadline')] }),
      },
      {
        name: 'decide the extension', method: 'POST', path: `/inspections/${ar2Id}/extension-request/decide`, user: people.lead,
        bodies: json({ valid: { decision: 'granted', deadline: inDays(40), note: 'Đồng ý' }, fields: [oneOf('decision', ['granted', 'refused']), date('deadline', false), textOrEmpty('note', 10_000)] }),
      },
      {
        name: 'resolve a dispute', method: 'POST', path: `/inspections/${rmId}/disputes/${rm.disputed}/resolve`, user: people.lead,
        bodies: json({ valid: { decision: 'upheld', note: 'Giữ nguyên' }, fields: [oneOf('decision', ['upheld', 'withdrawn']), textOrEmpty('note', 10_000)] }),
      },
      {
        name: 'report an action', method: 'POST', path: `/inspections/${rmId}/actions/${rm.open}/report`, user: people.headC,
        bodies: json({ valid: { note: 'Đã khắc phục', evidence: [{ text: 'Biên bản' }] }, fields: [text('note', 10_000), evidence] }),
      },
      {
        name: 'verify an action', method: 'POST', path: `/inspections/${rmId}/actions/${rm.reported}/verify`, user: people.lead,
        bodies: json({ valid: { decision: 'rejected', note: 'Chưa đạt', newDueDate: inDays(25) }, fields: [oneOf('decision', ['verified', 'rejected']), textOrEmpty('note', 10_000), date('newDueDate')] }),
      },
      { name: 'schedule a follow-up', method: 'POST', path: `/inspections/${rmId}/follow-up`, user: people.lead, bodies: json({ valid: window, fields: windowFields }) },
      { name: 'cancel', method: 'POST', path: `/inspections/${plannedId}/cancel`, user: people.lead, bodies: json({ valid: { reason: 'Huỷ' }, fields: [text('reason', 10_000)] }) },
      {
        name: 'decide an accountability case', method: 'POST', path: `/accountability-cases/${caseId}/decision`, user: people.chairman,
        bodies: json({ valid: { outcome: 'criticized', note: 'Kiểm điểm' }, fields: [oneOf('outcome', ACCOUNTABILITY_OUTCOMES), text('note', 10_000)] }),
      },
      { name: 'mark a notification read', method: 'POST', path: `/me/notifications/${noteId}/read`, user: people.headA, bodies: json({ valid: {}, fields: [] }) },
      { name: 'upload an attachment', method: 'POST', path: '/attachments', user: people.inspector1, bodies: malformedUpload(LIMIT_BYTES) },
      {
        name: 'change the authority', method: 'PATCH', path: '/authority', user: people.admin,
        bodies: json({
          valid: { name: 'ỦY BAN NHÂN DÂN XÃ THỬ', place: 'Xã Thử' },
          fields: [text('name', 200, false), text('inspectionBodyName', 200, false), textOrEmpty('place', 100, false), textOrEmpty('chairmanName', 200, false), text('chairmanTitle', 100, false)],
        }),
      },
      {
        name: 'change a unit', method: 'PATCH', path: `/units/${people.units.c}`, user: people.admin,
        bodies: json({ valid: { name: 'Thị trấn Đổi tên', kind: 'town' }, fields: [pattern('code', unitCodes, false), text('name', 200, false), oneOf('kind', UNIT_KINDS, false)] }),
      },
      { name: 'deactivate a unit', method: 'POST', path: `/units/${people.units.c}/deactivate`, user: people.admin, bodies: json({ valid: { reason: 'Sáp nhập' }, fields: [text('reason', 1000, false)] }) },
      { name: 'reactivate a unit', method: 'POST', path: `/units/${inactiveUnit.id}/reactivate`, user: people.admin, bodies: json({ valid: {}, fields: [] }) },
      {
        name: 'publish a checklist template', method: 'POST', path: '/checklist-templates', user: people.admin,
        bodies: json({ valid: { key: 'thu-nghiem', title: 'Bộ tiêu chí thử', criteria: [criterionDraft] }, fields: [pattern('key', ['A', 'x', 'Thu-nghiem', 'thu nghiem', '-thu', 'thu_nghiem', 'đ-thu', 'x'.repeat(64), ''], true), text('title', 300), criteriaField] }),
      },
      {
        name: 'publish a checklist version', method: 'POST', path: '/checklist-templates/demo-2023/versions', user: people.admin,
        bodies: json({ valid: { title: 'Bộ tiêu chí thử', criteria: [criterionDraft] }, fields: [text('title', 300), criteriaField] }),
      },
      { name: 'dry-run an import', method: 'POST', path: '/imports/dry-run', user: people.admin, bodies: malformedImport({ apply: false, maxBytes: IMPORT_MAX_BYTES }) },
      { name: 'apply an import', method: 'POST', path: '/imports/apply', user: people.admin, bodies: malformedImport({ apply: true, maxBytes: IMPORT_MAX_BYTES }) },
      {
        name: 'add a calendar entry', method: 'POST', path: '/calendar/entries', user: people.admin,
        bodies: json({ valid: { date: '2027-03-06', kind: 'make_up_working_day', nameVi: 'Làm bù', nameEn: 'Make-up day', source: 'Thông báo thử' }, fields: entryFields(true) }),
      },
      {
        name: 'change a calendar entry', method: 'PATCH', path: `/calendar/entries/${calendarEntry.id}`, user: people.admin,
        bodies: json({ valid: { nameEn: 'Renamed' }, fields: entryFields(false) }),
      },
      { name: 'remove a calendar entry', method: 'POST', path: `/calendar/entries/${calendarEntry.id}/remove`, user: people.admin, bodies: json({ valid: {}, fields: [] }) },
      { name: 'apply a calendar correction', method: 'POST', path: '/calendar/corrections', user: people.admin, bodies: json({ valid: { reason: 'Điều chỉnh' }, fields: [text('reason', 10_000)] }) },
    ];

    // Timers of the fixtures have fired (the case above); from here on nothing may change.
    headBefore = await eventLogHead(stack.db);
    countsBefore = await tableCounts(stack.db);
  });

  // Declared before the fixtures exist, so the names are fixed here and looked up in the run.
  const NAMES = [
    'log in', 'refresh the session', 'log out', 'change my profile', 'change my password', 'change an account', 'deactivate an account', 'reactivate an account',
    'reset a password', 'create a unit', 'create a user', 'create a campaign', 'add a target', 'change a campaign', 'change the team', 'remove a target', 'cancel a campaign', 'reschedule', 'start the visit', 'record a finding', 'amend a finding',
    'withdraw a finding', 'end the visit', 'submit the conclusion', 'record a dissent', 'approve the conclusion', 'return the conclusion', 'respond',
    'request an extension', 'decide the extension', 'resolve a dispute', 'report an action', 'verify an action', 'schedule a follow-up', 'cancel',
    'decide an accountability case', 'mark a notification read', 'upload an attachment',
    'change the authority', 'change a unit', 'deactivate a unit', 'reactivate a unit', 'dry-run an import', 'apply an import',
    'publish a checklist template', 'publish a checklist version',
    'add a calendar entry', 'change a calendar entry', 'remove a calendar entry', 'apply a calendar correction',
  ];

  it.each(NAMES)('%s: every malformed request is a 4xx problem, with no internals', async (name) => {
    const target = targets.find((t) => t.name === name)!;
    const bodies = fc.sample(target.bodies, { numRuns: RUNS, seed: SEED + NAMES.indexOf(name) });
    const statuses = new Map<number, number>();
    const failures = await mapLimit(bodies, 8, async (body) => {
      const response = await send(stack, target.user, {
        method: target.method,
        path: `/api/v1${target.path}`,
        ...(body.kind === 'json' ? { body: body.value } : body.kind === 'raw' ? { raw: { content: body.content, contentType: body.contentType } } : { upload: body.parts, fields: body.fields }),
      });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const problems = answerProblems(response);
      return problems.length > 0 ? { request: describeBody(body), status: response.status, answer: response.text.slice(0, 300), problems } : undefined;
    });
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    process.stdout.write(`fuzz ${target.method} ${target.path.replace(/[0-9a-f-]{36}(:\d+)?/g, ':id')}: ${summary.join(' ')}\n`);
    expect(failures.filter(Boolean).slice(0, 5)).toEqual([]);
  });

  // Reads with filters get the same treatment through their query strings.
  const QUERIES = [
    {
      name: 'read the audit log',
      path: '/audit/log',
      params: () => [
        queryUuid('userId'),
        queryOneOf('kind', AUDIT_KINDS, { repeatable: true }),
        queryDate('from'),
        queryDate('to'),
        queryOneOf('format', ['json', 'csv', 'xlsx']),
        { name: 'limit', valid: '5', invalid: fc.constantFrom('0', '501', '-1', '1.5', 'x', '', '1e3', '5; DROP TABLE audit_log') },
        { name: 'cursor', invalid: fc.constantFrom('x', 'bm90LWEtY3Vyc29y', 'W10', 'WyJ4IiwieSJd', '!!', 'a'.repeat(201)) },
      ],
    },
    {
      name: 'read a year of the calendar',
      path: '/calendar/entries',
      params: () => [{ name: 'year', valid: '2026', invalid: fc.constantFrom('1999', '2101', 'x', '', '2026.5', '-2026', '1e3', '2026; DROP TABLE calendar_entries', '[object Object]') }],
    },
  ];
  it.each(QUERIES.map((q) => q.name))('%s: every malformed query is a 4xx problem, with no internals', async (name) => {
    const query = QUERIES.find((q) => q.name === name)!;
    const queries = fc.sample(malformedQuery(query.params()), { numRuns: RUNS, seed: SEED + NAMES.length + QUERIES.indexOf(query) });
    const statuses = new Map<number, number>();
    const failures = await mapLimit(queries, 8, async (queryString) => {
      const response = await send(stack, stack.people.admin, { method: 'GET', path: `/api/v1${query.path}?${queryString}` });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const problems = answerProblems(response);
      return problems.length > 0 ? { request: queryString, status: response.status, answer: response.text.slice(0, 300), problems } : undefined;
    });
    process.stdout.write(`fuzz GET ${query.path}: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')}\n`);
    expect(failures.filter(Boolean).slice(0, 5)).toEqual([]);
  });

  it('left the event log and every projection table as they were', async () => {
    expect(await eventLogHead(stack.db)).toEqual(headBefore);
    expect(await tableCounts(stack.db)).toEqual(countsBefore);
  });

  it('still takes a valid command afterwards (nothing is wedged)', async () => {
    const started = await stack.api.expect(200, stack.api.post(stack.people.lead, `/inspections/${plannedId}/start`, {}));
    expect(started.status).toBe('in_progress');
  });
});

/** What is wrong with an answer to a malformed request, if anything. */
function answerProblems(response: RawResponse): string[] {
  const problems: string[] = [];
  if (response.status < 400 || response.status >= 500) problems.push(`status ${response.status} is not a 4xx`);
  if (!String(response.headers['content-type'] ?? '').startsWith('application/problem+json')) problems.push(`content type ${response.headers['content-type']}`);
  const body = response.body as Record<string, unknown> | undefined;
  if (!body || body.status !== response.status || typeof body.title !== 'string' || typeof body.detail !== 'string' || typeof body.type !== 'string') {
    problems.push('not a problem with type, title, status and detail');
  }
  if (/\bat [\w.<>$[\] ]+ \(|\bat .+:\d+:\d+|Error:|node_modules|\/work\/|QueryFailed|TypeError|RangeError|ReferenceError|SyntaxError: /.test(response.text)) {
    problems.push('internals in the body');
  }
  return problems;
}

function describeBody(body: FuzzBody): string {
  const cut = (s: string) => (s.length > 600 ? `${s.slice(0, 600)}… (${s.length} chars)` : s);
  if (body.kind === 'json') return cut(JSON.stringify(body.value) ?? String(body.value));
  if (body.kind === 'raw') return `${body.contentType}: ${cut(Buffer.isBuffer(body.content) ? body.content.toString('hex') : body.content)}`;
  return `multipart: ${body.parts.map((p) => `${p.field ?? 'file'}=${p.fileName} (${p.contentType}, ${p.content.length} bytes)`).join(', ')}${body.fields ? ` + ${Object.keys(body.fields).length} fields` : ''}`;
}
