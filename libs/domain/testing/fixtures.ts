/**
 * Test fixtures for the deciders: the people of one inspection, a fixed clock in
 * Asia/Ho_Chi_Minh and a few policies. Test code only, outside src/: a lint rule keeps production
 * code from importing it (`@inspectorate/domain-testing`).
 *
 * The story runs in spring 2026, well inside the holiday table (Hùng Kings observed on Monday
 * 27 April, then 30 April and 1 May), so working-day deadlines are real ones.
 */
import { DEFAULT_POLICY, Policy } from '../src/policy/policy';
import { SYSTEM, SystemActor, UserActor } from '../src/shared/actor';
import { Team } from '../src/inspection/model';
import { DEMO_CHECKLIST_2023 } from '../src/checklist/templates';
import { endOfLocalDay } from '../src/calendar';

export const UNIT_ID = 'unit-ward-3';
export const OTHER_UNIT_ID = 'unit-ward-7';
export const CAMPAIGN_ID = 'campaign-2026-1';
export const INSPECTION_ID = 'inspection-ward-3';
export const CHECKLIST_VERSION = DEMO_CHECKLIST_2023.version;

const user = (userId: string, role: UserActor['role'], unitId?: string): UserActor =>
  unitId ? { kind: 'user', userId, role, unitId } : { kind: 'user', userId, role };

/** Everyone who may knock on an inspection's door, named by what they are to it. */
export const people = {
  lead: user('lead-lan', 'lead_inspector'),
  inspectorAn: user('inspector-an', 'inspector'),
  inspectorBinh: user('inspector-binh', 'inspector'),
  outsideInspector: user('inspector-cuong', 'inspector'),
  otherLead: user('lead-dung', 'lead_inspector'),
  chairman: user('chairman-hoa', 'chairman'),
  admin: user('admin-khoa', 'admin'),
  unitHead: user('head-minh', 'unit_head', UNIT_ID),
  otherUnitHead: user('head-nga', 'unit_head', OTHER_UNIT_ID),
} as const;

export type PersonName = keyof typeof people;

/** How test names speak of each person. */
export const PERSON_LABELS: Record<PersonName, string> = {
  lead: 'the lead of the team',
  inspectorAn: 'inspector An (team)',
  inspectorBinh: 'inspector Bình (team)',
  outsideInspector: 'an inspector outside the team',
  otherLead: 'another lead inspector',
  chairman: 'the chairman',
  admin: 'an admin',
  unitHead: 'the head of the inspected unit',
  otherUnitHead: 'the head of another unit',
};

export const system: SystemActor = SYSTEM;

export const TEAM: Team = {
  leadInspectorId: people.lead.userId,
  inspectorIds: [people.inspectorAn.userId, people.inspectorBinh.userId],
};

/**
 * A local time in Asia/Ho_Chi_Minh: `'2026-03-10 08:30'` is 08:30 in Ho Chi Minh City.
 * Full ISO instants (`'2026-03-10T01:30:00.000Z'`) and Dates pass through unchanged.
 */
export function localTime(when: string | Date): Date {
  if (when instanceof Date) return new Date(when.getTime());
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(when);
  const date = local ? new Date(`${local[1]}T${local[2]}${local[3] ?? ':00'}+07:00`) : new Date(when);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a time: ${when}`);
  return date;
}

/** The instant `minutes` after `when`. */
export function minutesAfter(when: string | Date, minutes: number): Date {
  return new Date(localTime(when).getTime() + minutes * 60_000);
}

/** The end of a local day (when something due that day becomes late), as the ISO string events carry. */
export function endOfDay(date: string): string {
  return endOfLocalDay(date).toISOString();
}

/** The fixed clock of the lifecycle story (local times). */
export const T = {
  planned: '2026-03-02 09:00',
  windowStart: '2026-03-09',
  windowEnd: '2026-03-13',
  visitStarted: '2026-03-10 08:30',
  visitEnded: '2026-03-10 16:00',
  /** 15 working days after 10 March. */
  conclusionDue: '2026-03-31',
  conclusionSubmitted: '2026-03-12 10:00',
  dissent: '2026-03-12 14:00',
  approved: '2026-03-16 10:00',
  /** 10 working days after Monday 16 March. */
  responseDue: '2026-03-30',
  responded: '2026-03-20 10:00',
  /** The due date the conclusion requires for every corrective action. */
  requiredDue: '2026-05-29',
  /** The due date the unit plans for its corrective actions. */
  plannedDue: '2026-05-15',
} as const;

/** Short exact durations, for tests that care about order rather than the calendar. */
export const QUICK_POLICY: Policy = {
  conclusionDeadline: { duration: 'PT4H' },
  responseDeadline: { duration: 'PT2H' },
  reminderOffsets: [{ duration: 'PT30M' }],
  remediationMaxDeadline: { duration: 'P30D' },
  verificationDeadline: { duration: 'PT1H' },
};

export { DEFAULT_POLICY };
