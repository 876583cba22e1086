import { streamIds } from '@inspectorate/domain';

/**
 * Workflow ids are the stream ids (`inspection-<id>`, `campaign-<id>`): derived from domain ids, so
 * a retried start can never create a twin, and spelled in one place (`libs/domain/src/shared/stream-ids.ts`).
 */
export const workflowIds = { inspection: streamIds.inspection, campaign: streamIds.campaign };
