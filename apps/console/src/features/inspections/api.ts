import { api, call } from '../../api/client';
import type { components } from '../../api/openapi';
import { readAnswer, transportFetch } from '../../api/transport';
import type { Attachment, Inspection, InspectionStatus } from '../../api/types';

type Dto = components['schemas'];
export type RecordFinding = Dto['RecordFindingDto'];
export type AmendFinding = Dto['AmendFindingDto'];
export type SubmitConclusion = Dto['SubmitConclusionDto'];
export type SubmitResponse = Dto['SubmitResponseDto'];
export type ResponseItem = Dto['ResponseItemDto'];

export const inspectionKeys = {
  all: ['inspections'] as const,
  list: (filters: object) => ['inspections', 'list', filters] as const,
  one: (id: string) => ['inspections', id] as const,
  events: (id: string) => ['inspections', id, 'events'] as const,
};

export const getInspection = (id: string) => call(api.GET('/api/v1/inspections/{id}', { params: { path: { id } } }));
export const listInspections = async (query: { campaignId?: string; unitId?: string; status?: InspectionStatus }) =>
  (await call(api.GET('/api/v1/inspections', { params: { query: { ...query, limit: 500 } } }))).items;
export const listEvents = async (id: string) => (await call(api.GET('/api/v1/inspections/{id}/events', { params: { path: { id }, query: { limit: 500 } } }))).items;

const headers = (key: string) => ({ 'Idempotency-Key': key });
const path = (id: string) => ({ path: { id } });

/** Every command on an inspection, named as console.md names the action. Each answers the inspection. */
export const commands = {
  start: (id: string, key: string) => call(api.POST('/api/v1/inspections/{id}/start', { params: path(id), body: {}, headers: headers(key) })),
  endVisit: (id: string, key: string) => call(api.POST('/api/v1/inspections/{id}/end-visit', { params: path(id), body: {}, headers: headers(key) })),
  recordFinding: (id: string, body: RecordFinding, key: string) => call(api.POST('/api/v1/inspections/{id}/findings', { params: path(id), body, headers: headers(key) })),
  amendFinding: (id: string, findingId: string, body: AmendFinding, key: string) =>
    call(api.PATCH('/api/v1/inspections/{id}/findings/{findingId}', { params: { path: { id, findingId } }, body, headers: headers(key) })),
  withdrawFinding: (id: string, findingId: string, reason: string, key: string) =>
    call(api.POST('/api/v1/inspections/{id}/findings/{findingId}/withdraw', { params: { path: { id, findingId } }, body: { reason }, headers: headers(key) })),
  submitConclusion: (id: string, body: SubmitConclusion, key: string) => call(api.POST('/api/v1/inspections/{id}/conclusion', { params: path(id), body, headers: headers(key) })),
  dissent: (id: string, text: string, key: string) => call(api.POST('/api/v1/inspections/{id}/conclusion/dissent', { params: path(id), body: { text }, headers: headers(key) })),
  approve: (id: string, contentHash: string | undefined, key: string) =>
    call(api.POST('/api/v1/inspections/{id}/conclusion/approve', { params: path(id), body: contentHash ? { contentHash } : {}, headers: headers(key) })),
  returnConclusion: (id: string, comment: string, key: string) => call(api.POST('/api/v1/inspections/{id}/conclusion/return', { params: path(id), body: { comment }, headers: headers(key) })),
  respond: (id: string, body: SubmitResponse, key: string) => call(api.POST('/api/v1/inspections/{id}/response', { params: path(id), body, headers: headers(key) })),
  requestExtension: (id: string, body: { reason: string; requestedDeadline: string }, key: string) =>
    call(api.POST('/api/v1/inspections/{id}/extension-request', { params: path(id), body, headers: headers(key) })),
  decideExtension: (id: string, body: { decision: 'granted' | 'refused'; deadline?: string; note: string }, key: string) =>
    call(api.POST('/api/v1/inspections/{id}/extension-request/decide', { params: path(id), body, headers: headers(key) })),
  resolveDispute: (id: string, findingId: string, body: { decision: 'upheld' | 'withdrawn'; note: string }, key: string) =>
    call(api.POST('/api/v1/inspections/{id}/disputes/{findingId}/resolve', { params: { path: { id, findingId } }, body, headers: headers(key) })),
  reportAction: (id: string, actionId: string, body: { note: string; evidence?: { attachmentId?: string; text?: string }[] }, key: string) =>
    call(api.POST('/api/v1/inspections/{id}/actions/{actionId}/report', { params: { path: { id, actionId } }, body, headers: headers(key) })),
  verifyAction: (id: string, actionId: string, body: { decision: 'verified' | 'rejected'; note: string; newDueDate?: string }, key: string) =>
    call(api.POST('/api/v1/inspections/{id}/actions/{actionId}/verify', { params: { path: { id, actionId } }, body, headers: headers(key) })),
  followUp: (id: string, body: { windowStart: string; windowEnd: string }, key: string) => call(api.POST('/api/v1/inspections/{id}/follow-up', { params: path(id), body, headers: headers(key) })),
  cancel: (id: string, reason: string, key: string) => call(api.POST('/api/v1/inspections/{id}/cancel', { params: path(id), body: { reason }, headers: headers(key) })),
};

/** Uploads a file (a photo from the camera, a scan) as evidence; the answer's id goes into the finding or report. */
export async function uploadAttachment(file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return readAnswer<Attachment>(await transportFetch(new Request('/api/v1/attachments', { method: 'POST', body: form })));
}

/**
 * Files behind the API need the bearer token, which an <a href> cannot send: fetch them and open
 * the bytes from a blob: URL (allowed by the Content-Security-Policy).
 */
export async function openProtectedFile(url: string, fileName: string, download = false): Promise<void> {
  const response = await transportFetch(new Request(url));
  if (!response.ok) await readAnswer(response);
  const blob = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = blob;
  if (download) link.download = fileName;
  else link.target = '_blank';
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(blob), 60_000);
}

/** The lifecycle in order, for the stepper; cancelled is shown apart. */
export const LIFECYCLE: readonly InspectionStatus[] = ['planned', 'in_progress', 'drafting', 'awaiting_approval', 'awaiting_response', 'remediating', 'closed'];

export const isTeamMember = (inspection: Inspection, userId: string) => inspection.team.leadInspectorId === userId || inspection.team.inspectorIds.includes(userId);
