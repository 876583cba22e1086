import { UserActor } from '../../shared/actor';
import { canSeeInspection, VisibilityFacts } from './existence';

/**
 * A count only ever includes what the caller may know exists: the items they may see, and
 * whether that is all of them (only then may a figure kept for everyone, such as a campaign's
 * stored progress or status, be shown as it is; otherwise it is derived from the visible ones).
 */
export function visibleOf<T>(actor: UserActor, items: readonly T[], factsOf: (item: T) => VisibilityFacts): { visible: T[]; all: boolean } {
  const visible = items.filter((item) => canSeeInspection(actor, factsOf(item)));
  return { visible, all: visible.length === items.length };
}
