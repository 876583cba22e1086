/**
 * Every bound the product puts on what people send and on what one stream may hold, in one place.
 * The domain enforces them whatever the edge already checked; the API's DTOs read the same numbers,
 * so a client is told the same limit by the 400 of the DTO layer and by the decider.
 *
 * The caps on lists that live in an inspection's state (findings, dissents, follow-ups, returns,
 * reports) keep that state, which travels in Temporal payloads (queries, continue-as-new), far
 * below Temporal's payload limit: without them one inspection could grow until its workflow wedged.
 */
export const LIMITS = {
  /** Free text: names and owners (short), a reason or a note (medium), everything a person writes at length (long). */
  text: { short: 200, medium: 1_000, long: 10_000 },
  campaign: { title: 300, legalBasis: 1_000, targets: 500, inspectors: 50 },
  /** Per finding: evidence items and people involved. */
  finding: { evidence: 50, people: 50 },
  /** Per inspection: findings (withdrawn ones count, they stay in the record), dissents, follow-ups. */
  inspection: { findings: 200, dissents: 50, followUps: 20 },
  /** Per conclusion: required actions, and how often the chairman may return it. */
  conclusion: { actions: 200, returns: 50 },
  response: { items: 500 },
  /** Per corrective action: evidence of one report, and how often it may be reported. */
  action: { evidence: 50, reports: 20 },
  /** Per checklist version: criteria, the length of a code, of a criterion's name and of its group's. */
  checklist: { criteria: 200, code: 40, name: 500, group: 200, title: 300 },
} as const;
