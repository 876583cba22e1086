/** Shared by the metrics that measure time against `asOf` (not part of the package's exports). */
export const MS_PER_DAY = 24 * 60 * 60 * 1000;
export const before = (at: Date | null, asOf: Date): at is Date => at !== null && at.getTime() < asOf.getTime();
