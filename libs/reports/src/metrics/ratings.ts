import { iso, Rating } from '@inspectorate/domain';
import { isRating, RATING_LABEL, RATING_ORDER } from '../labels';
import { ReportInspection } from '../input';

export interface RatingEntry {
  readonly inspectionId: string;
  readonly rating: Rating;
  readonly label: string;
  readonly approvedAt: string;
}

/** Approved ratings, oldest approval first. */
export function ratingsOf(inspections: readonly ReportInspection[]): RatingEntry[] {
  return inspections
    .filter((i): i is ReportInspection & { approvedAt: Date } => i.approvedAt !== null && isRating(i.rating))
    .sort((a, b) => a.approvedAt.getTime() - b.approvedAt.getTime() || a.id.localeCompare(b.id))
    .map((i) => ({
      inspectionId: i.id,
      rating: i.rating as Rating,
      label: RATING_LABEL[i.rating as Rating],
      approvedAt: iso(i.approvedAt),
    }));
}

export function latestRating(inspections: readonly ReportInspection[]): RatingEntry | null {
  const all = ratingsOf(inspections);
  return all.length > 0 ? all[all.length - 1] : null;
}

export function ratingRank(rating: Rating): number {
  return RATING_ORDER.indexOf(rating);
}

/**
 * Standard competition ranking ("1, 1, 3"): items that compare equal share a rank, and the next
 * rank skips as many places as were shared. `items` must already be sorted by `same` first.
 */
export function competitionRanks<T>(items: readonly T[], same: (a: T, b: T) => boolean): number[] {
  const ranks: number[] = [];
  items.forEach((item, index) => {
    ranks.push(index > 0 && same(items[index - 1], item) ? ranks[index - 1] : index + 1);
  });
  return ranks;
}
