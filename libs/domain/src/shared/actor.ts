/** The roles of the domain spec. A unit head is always bound to exactly one unit. */
export const ROLES = ['admin', 'inspector', 'lead_inspector', 'unit_head', 'chairman'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work for the inspecting authority, as opposed to the inspected units. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'inspector', 'lead_inspector', 'chairman'];

export interface UserActor {
  readonly kind: 'user';
  readonly userId: string;
  readonly role: Role;
  /** Set for unit heads only: the unit they answer for. */
  readonly unitId?: string;
}

/** Timers of a workflow act as `system`, never as a person. */
export interface SystemActor {
  readonly kind: 'system';
}

export type Actor = UserActor | SystemActor;

export const SYSTEM: SystemActor = { kind: 'system' };

export function isUser(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}

export function describeActor(actor: Actor): string {
  return actor.kind === 'system' ? 'the system' : `${actor.role} ${actor.userId}`;
}
