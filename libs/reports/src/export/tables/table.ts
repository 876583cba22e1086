import { HO_CHI_MINH_OFFSET_MS } from '@inspectorate/domain/calendar/local-date';

/**
 * What a report is flattened to: the CSV writer prints the tables one after the other, the XLSX
 * writer puts each on its own sheet. Cells hold what a spreadsheet should show: numbers stay
 * numbers, times are local (Asia/Ho_Chi_Minh) ISO 8601 with their offset.
 */
export type Cell = string | number | null;

export interface Column {
  readonly key: string;
  readonly header: string;
}

export interface Table {
  /** Stable, machine-readable name of the section. */
  readonly key: string;
  /** Its Vietnamese title: the CSV section heading and the sheet name (at most 31 characters). */
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

export function cols(...pairs: [string, string][]): Column[] {
  return pairs.map(([key, header]) => ({ key, header }));
}

/** `2023-09-08T10:00:00+07:00`: the instant as a clock in Ho Chi Minh City shows it. */
export function localDateTime(instant: string | null): string | null {
  if (instant === null) return null;
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  return `${new Date(ms + HO_CHI_MINH_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}
