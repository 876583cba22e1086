/**
 * The closure policy: an inspection closes by itself once nothing is left to do. Nobody sends
 * "close"; `decide` appends `InspectionClosed` to whichever decision leaves the inspection done.
 */
import { InspectionEvent } from '../events';
import { evolve } from '../evolve';
import { InspectionState } from '../state';
import { Actor } from '../../shared/actor';
import { iso } from '../../shared/time';

/**
 * Appends `InspectionClosed` when the decided events leave nothing to do: every corrective action
 * verified (or its finding withdrawn) and no dispute pending; or an approval that required nothing.
 */
export function withClosure(before: InspectionState, events: InspectionEvent[], actor: Actor, now: Date): InspectionEvent[] {
  const stamp = { occurredAt: iso(now), actor };
  const after = events.reduce((state, event) => evolve(state, { ...event, ...stamp }), before);
  const approvedNow = events.some((e) => e.type === 'ConclusionApproved');
  if (approvedNow && after.approval!.approved.conclusion.actions.length === 0) {
    return [...events, { type: 'InspectionClosed', data: {} }];
  }
  if (after.status === 'remediating' && isRemediationComplete(after)) return [...events, { type: 'InspectionClosed', data: {} }];
  return events;
}

export function isRemediationComplete(s: InspectionState): boolean {
  const withdrawn = new Set(s.findings.filter((f) => f.status === 'withdrawn').map((f) => f.id));
  const disputePending = s.findings.some((f) => f.dispute?.status === 'pending');
  const actionsDone = s.actions.every((a) => a.status === 'verified' || withdrawn.has(a.findingId));
  return !disputePending && actionsDone;
}
