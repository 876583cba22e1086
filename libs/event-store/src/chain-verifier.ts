import { DataSource } from 'typeorm';
import { EventRecordEntity } from './event-record.entity';
import { eventHash } from './hash-chain';

export interface ChainVerification {
  readonly intact: boolean;
  readonly checked: number;
  readonly lastPosition: number;
  readonly firstBrokenLink?: { readonly position: number; readonly eventId: string; readonly reason: string };
}

/**
 * Walks the event log in order and recomputes every hash. Names the first broken link: a row
 * whose content no longer matches its hash, whose link to the previous row is wrong, or a gap.
 */
export async function verifyEventChain(dataSource: DataSource, pageSize = 2000): Promise<ChainVerification> {
  let checked = 0;
  let expectedPosition = 1;
  let prevHash: string | null = null;
  for (;;) {
    const rows = await dataSource
      .getRepository(EventRecordEntity)
      .createQueryBuilder('e')
      .where('e.position >= :from', { from: expectedPosition })
      .orderBy('e.position')
      .limit(pageSize)
      .getMany();
    for (const row of rows) {
      const broken = (reason: string): ChainVerification => ({
        intact: false,
        checked,
        lastPosition: expectedPosition - 1,
        firstBrokenLink: { position: row.position, eventId: row.id, reason },
      });
      if (row.position !== expectedPosition) return broken(`position ${expectedPosition} is missing`);
      if (row.prevHash !== prevHash) return broken('its link to the previous event does not match that event');
      if (eventHash(row, prevHash) !== row.hash) return broken('its content does not match its hash');
      prevHash = row.hash;
      expectedPosition += 1;
      checked += 1;
    }
    if (rows.length < pageSize) return { intact: true, checked, lastPosition: expectedPosition - 1 };
  }
}
