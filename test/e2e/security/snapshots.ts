import { DataSource } from 'typeorm';

export interface LogHead {
  readonly count: number;
  readonly maxPosition: number;
  readonly lastHash: string | null;
}

/** The event log's size, last position and last hash: any append changes all three. */
export async function eventLogHead(db: DataSource): Promise<LogHead> {
  const [row] = await db.query<{ count: string; max: string | null }[]>('SELECT count(*) AS count, max(position) AS max FROM events');
  const [last] = await db.query<{ hash: string }[]>('SELECT hash FROM events ORDER BY position DESC LIMIT 1');
  return { count: Number(row.count), maxPosition: Number(row.max ?? 0), lastHash: last?.hash ?? null };
}

/** Every table the events project into, and the directory and attachments the API writes directly. */
export const WRITTEN_TABLES = [
  'campaigns',
  'inspections',
  'findings',
  'corrective_actions',
  'accountability_cases',
  'notifications',
  'notification_reads',
  'units',
  'users',
  'attachments',
  'calendar_entries',
] as const;

export async function tableCounts(db: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of WRITTEN_TABLES) {
    const [row] = await db.query<{ count: string }[]>(`SELECT count(*) AS count FROM ${table}`);
    counts[table] = Number(row.count);
  }
  return counts;
}
