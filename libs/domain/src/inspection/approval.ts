import { ApprovedConclusion } from './model';
import { InspectionState } from './state';
import { canonicalJson } from '../shared/canonical-json';
import { sha256Hex } from '../shared/sha256';

/**
 * What an approval binds to: the conclusion as submitted, the findings it rests on (withdrawn
 * ones excluded) and the team's dissents. The unit receives exactly this snapshot.
 */
export function approvedSnapshot(s: InspectionState): ApprovedConclusion {
  if (!s.conclusion) throw new Error('There is no conclusion to approve.');
  const { summary, rating, actions } = s.conclusion;
  return {
    conclusion: { summary, rating, actions },
    findings: s.findings
      .filter((f) => f.status === 'open')
      .map((f) => ({
        id: f.id,
        criterionCode: f.criterionCode,
        severity: f.severity,
        description: f.description,
        evidence: f.evidence,
        people: f.people,
      })),
    dissents: s.dissents,
  };
}

export function approvedContentHash(content: ApprovedConclusion): string {
  return sha256Hex(canonicalJson(content));
}

/** The hash a chairman would approve right now, shown to them so an approval names what it saw. */
export function pendingContentHash(s: InspectionState): string | undefined {
  return s.conclusion && s.status === 'awaiting_approval' ? approvedContentHash(approvedSnapshot(s)) : undefined;
}
