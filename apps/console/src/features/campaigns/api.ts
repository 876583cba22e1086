import { api, call } from '../../api/client';
import type { Campaign } from '../../api/types';
import type { components } from '../../api/openapi';

export type NewCampaign = components['schemas']['CreateCampaignDto'];
export type Target = components['schemas']['TargetDto'];

export const campaignKeys = { all: ['campaigns'] as const, one: (id: string) => ['campaigns', id] as const };

export const listCampaigns = async (): Promise<Campaign[]> => (await call(api.GET('/api/v1/campaigns', { params: { query: { limit: 500 } } }))).items;
export const getCampaign = (id: string) => call(api.GET('/api/v1/campaigns/{id}', { params: { path: { id } } }));
export const createCampaign = (body: NewCampaign, key: string) => call(api.POST('/api/v1/campaigns', { body, headers: { 'Idempotency-Key': key } }));
export const addTarget = (id: string, body: Target, key: string) =>
  call(api.POST('/api/v1/campaigns/{id}/targets', { params: { path: { id } }, body, headers: { 'Idempotency-Key': key } }));
export const reschedule = (id: string, body: { windowStart: string; windowEnd: string }, key: string) =>
  call(api.POST('/api/v1/inspections/{id}/reschedule', { params: { path: { id } }, body, headers: { 'Idempotency-Key': key } }));
export const listCampaignInspections = async (campaignId: string) =>
  (await call(api.GET('/api/v1/inspections', { params: { query: { campaignId, limit: 500 } } }))).items;

/** "10" → 10 working days; "PT5S" → an exact ISO 8601 duration; "" → the default. */
export function deadlineSpec(text: string): { workingDays: number } | { duration: string } | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (/^\d+$/.test(value)) return { workingDays: Number(value) };
  return { duration: value.toUpperCase() };
}

/** Visited: every target whose visit has started, of those not cancelled. */
export function progressRatios(progress: { planned: number; inProgress: number; closed: number; cancelled: number; total: number }) {
  const live = progress.total - progress.cancelled;
  return { started: [live - progress.planned, live] as const, closed: [progress.closed, live] as const };
}

export type CampaignDetails = components['schemas']['ChangeCampaignDetailsDto'];
export type CampaignTeam = components['schemas']['ChangeCampaignTeamDto'];

export const changeDetails = (id: string, body: CampaignDetails, key: string) =>
  call(api.PATCH('/api/v1/campaigns/{id}', { params: { path: { id } }, body, headers: { 'Idempotency-Key': key } }));
export const changeTeam = (id: string, body: CampaignTeam, key: string) =>
  call(api.POST('/api/v1/campaigns/{id}/team', { params: { path: { id } }, body, headers: { 'Idempotency-Key': key } }));
export const removeTarget = (id: string, inspectionId: string, reason: string, key: string) =>
  call(api.POST('/api/v1/campaigns/{id}/targets/{inspectionId}/remove', { params: { path: { id, inspectionId } }, body: { reason }, headers: { 'Idempotency-Key': key } }));
export const cancelCampaign = (id: string, reason: string, key: string) =>
  call(api.POST('/api/v1/campaigns/{id}/cancel', { params: { path: { id } }, body: { reason }, headers: { 'Idempotency-Key': key } }));
