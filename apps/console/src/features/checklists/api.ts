import { api, call } from '../../api/client';
import type { components } from '../../api/openapi';
import { checklistKeys } from '../shared/checklist';

export type ChecklistTemplate = components['schemas']['ChecklistTemplateView'];
export type CriterionDraft = components['schemas']['CriterionDto'];
export type VersionDraft = components['schemas']['PublishVersionDto'];

export { checklistKeys };

export const listTemplates = async (): Promise<ChecklistTemplate[]> => (await call(api.GET('/api/v1/checklist-templates'))).items;

export const publishVersion = (key: string, body: VersionDraft, idempotencyKey: string) =>
  call(api.POST('/api/v1/checklist-templates/{key}/versions', { params: { path: { key } }, body, headers: { 'Idempotency-Key': idempotencyKey } }));
