import { DeadlineSpec, isValidDeadlineSpec } from '../calendar';
import { FieldError } from '../shared/rejection';

/**
 * The deadlines a campaign runs by. Each is a number of working days or an exact ISO 8601
 * duration (for tests and special cases). Defaults come from the domain spec.
 */
export interface Policy {
  /** From the end of the visit to the submitted conclusion. */
  readonly conclusionDeadline: DeadlineSpec;
  /** From the unit's notification to its response. */
  readonly responseDeadline: DeadlineSpec;
  /** How long before a deadline its reminders go out. */
  readonly reminderOffsets: readonly DeadlineSpec[];
  /** The latest due date a required corrective action may have, counted from when it is set. */
  readonly remediationMaxDeadline: DeadlineSpec;
  /** From a reported corrective action to the lead's verification (a reminder, not a sanction). */
  readonly verificationDeadline: DeadlineSpec;
}

export const DEFAULT_POLICY: Policy = {
  conclusionDeadline: { workingDays: 15 },
  responseDeadline: { workingDays: 10 },
  reminderOffsets: [{ workingDays: 3 }, { workingDays: 1 }],
  remediationMaxDeadline: { workingDays: 120 },
  verificationDeadline: { workingDays: 5 },
};

const DEADLINE_KEYS = ['conclusionDeadline', 'responseDeadline', 'remediationMaxDeadline', 'verificationDeadline'] as const;

export type PolicyInput = Partial<Record<keyof Policy, unknown>>;

/** Field errors for a policy sent by a client (`policy.<name>`), empty when it is valid. */
export function validatePolicy(input: unknown): FieldError[] {
  if (input === undefined || input === null) return [];
  if (typeof input !== 'object' || Array.isArray(input)) {
    return [{ field: 'policy', message: 'must be an object' }];
  }
  const errors: FieldError[] = [];
  const known = new Set<string>([...DEADLINE_KEYS, 'reminderOffsets']);
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors.push({ field: `policy.${key}`, message: 'is not a policy setting' });
  }
  const policy = input as PolicyInput;
  for (const key of DEADLINE_KEYS) {
    const value = policy[key];
    if (value !== undefined && !isValidDeadlineSpec(value)) {
      errors.push({ field: `policy.${key}`, message: DEADLINE_HINT });
    }
  }
  const offsets = policy.reminderOffsets;
  if (offsets !== undefined) {
    if (!Array.isArray(offsets) || offsets.length > 10) {
      errors.push({ field: 'policy.reminderOffsets', message: 'must be a list of at most 10 deadlines' });
    } else {
      offsets.forEach((offset, index) => {
        if (!isValidDeadlineSpec(offset)) errors.push({ field: `policy.reminderOffsets.${index}`, message: DEADLINE_HINT });
      });
    }
  }
  return errors;
}

const DEADLINE_HINT = 'must be { "workingDays": 1..365 } or { "duration": "<ISO 8601 duration such as PT5S>" }';

/** Fills the defaults in. Call only on input that `validatePolicy` accepted. */
export function resolvePolicy(input?: PolicyInput | null): Policy {
  const given = (input ?? {}) as Partial<Policy>;
  return {
    conclusionDeadline: given.conclusionDeadline ?? DEFAULT_POLICY.conclusionDeadline,
    responseDeadline: given.responseDeadline ?? DEFAULT_POLICY.responseDeadline,
    reminderOffsets: given.reminderOffsets ?? DEFAULT_POLICY.reminderOffsets,
    remediationMaxDeadline: given.remediationMaxDeadline ?? DEFAULT_POLICY.remediationMaxDeadline,
    verificationDeadline: given.verificationDeadline ?? DEFAULT_POLICY.verificationDeadline,
  };
}
