/**
 * Whether a command can be done now (409), and the things it names exist (404): the status the
 * transition table allows, the finding or action addressed, and room left under the state's caps.
 */
import { InspectionStatus } from '../model';
import { ActionState, FindingState, InspectionState } from '../state';
import { conflict, Rejection } from '../../shared/rejection';

export function requireStatus(s: InspectionState, allowed: InspectionStatus[], what: string): Rejection | undefined {
  if (allowed.includes(s.status)) return undefined;
  const expected = allowed.length === 1 ? allowed[0] : `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  return conflict(`Cannot ${what}: the inspection is ${s.status} (it must be ${expected}).`);
}

export function findFinding(s: InspectionState, id: string): FindingState | undefined {
  return s.findings.find((f) => f.id === id);
}

export function findAction(s: InspectionState, id: string): ActionState | undefined {
  return s.actions.find((a) => a.id === id);
}

export function requireOpenFinding(finding: FindingState, verb: string): Rejection | undefined {
  return finding.status === 'open' ? undefined : conflict(`Cannot ${verb} finding ${finding.id}: it was withdrawn.`);
}

/**
 * A list in the state that is full refuses one more item (409: nothing in the command is wrong,
 * the inspection cannot take it). See LIMITS for why the state is bounded at all.
 */
export function requireRoom(count: number, limit: number, what: string, holder: string, items: string): Rejection | undefined {
  return count < limit ? undefined : conflict(`Cannot ${what}: ${holder} already has ${count} ${items}, the most allowed (${limit}).`);
}
