// Endpoints of the console-api contract that the committed OpenAPI document does not have yet.
// Each is removed as soon as its endpoint is merged and the typed client regenerated.
import { readAnswer, transportFetch } from './transport';

export interface PendingWorkItem {
  kind: 'draft_conclusion' | 'resolve_dispute' | 'decide_extension' | 'verify_action' | 'reschedule_missed_window' | 'start_visit' | 'open_visit' | 'respond' | 'report_action' | 'approve_conclusion' | 'decide_case';
  inspectionId: string;
  campaignId: string;
  campaignTitle: string;
  unitId: string;
  unitName: string;
  findingId?: string;
  actionId?: string;
  caseId?: string;
  dueAt: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
}

export async function getMyWork(): Promise<{ items: PendingWorkItem[]; nextCursor: null }> {
  return readAnswer(await transportFetch(new Request('/api/v1/me/work')));
}
