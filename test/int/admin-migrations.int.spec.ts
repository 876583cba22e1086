import { EventStore, StreamAppend } from '@inspectorate/event-store';
import { Projector } from '@inspectorate/read-model';
import { AuthorityAsData1764900000000 } from '@inspectorate/database/migrations/1764900000000-AuthorityAsData';
import { UnitActivation1764900000001 } from '@inspectorate/database/migrations/1764900000001-UnitActivation';
import { FindingSearchText1764900000002 } from '@inspectorate/database/migrations/1764900000002-FindingSearchText';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { findingRecorded, plannedCampaign, visitStarted } from './fixtures';

/**
 * The migrations of issue 11 (items 3, 5, 10) on a database that already holds data, as an
 * existing installation has: the authority is seeded from AUTHORITY_NAME, units stay active, and
 * the findings recorded before search existed get their folded text.
 */
describe('migrations of the authority, unit activation and finding search on existing data', () => {
  let db: TestDatabase;
  const projector = new Projector();

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    delete process.env.AUTHORITY_NAME;
    await db?.drop();
  });

  it('seeds the authority from AUTHORITY_NAME, keeps units active and fills the old findings’ search text', async () => {
    const store = new EventStore(db.dataSource);
    const project = (appends: readonly StreamAppend[]) => store.append(appends, (manager, events) => projector.project(manager, events));
    const campaign = plannedCampaign();
    await project(campaign.appends);
    const inspectionId = campaign.inspectionIds[0];
    await project([visitStarted(inspectionId, 1)]);
    await project([findingRecorded(inspectionId, 2, 'Bộ phận một cửa Thị trấn Cần Thạnh vắng người.')]);
    await db.sql(`INSERT INTO units (id, code, name, kind) VALUES (gen_random_uuid(), 'XA-CO-SAN', 'Xã Có Sẵn', 'commune')`);

    // Back to the schema before these migrations, data in place, then forward again.
    const runner = db.dataSource.createQueryRunner();
    try {
      for (const migration of [new FindingSearchText1764900000002(), new UnitActivation1764900000001(), new AuthorityAsData1764900000000()]) await migration.down(runner);
      process.env.AUTHORITY_NAME = '  ỦY BAN NHÂN DÂN PHƯỜNG CÓ SẴN ';
      for (const migration of [new AuthorityAsData1764900000000(), new UnitActivation1764900000001(), new FindingSearchText1764900000002()]) await migration.up(runner);
    } finally {
      await runner.release();
    }

    expect(await db.sql('SELECT name, inspection_body_name, place, chairman_name, chairman_title FROM authority')).toEqual([
      { name: 'ỦY BAN NHÂN DÂN PHƯỜNG CÓ SẴN', inspection_body_name: 'ĐOÀN KIỂM TRA CÔNG VỤ', place: '', chairman_name: '', chairman_title: 'CHỦ TỊCH' },
    ]);
    expect(await db.sql(`SELECT active, deactivated_at FROM units WHERE code = 'XA-CO-SAN'`)).toEqual([{ active: true, deactivated_at: null }]);
    expect(await db.sql('SELECT search_text FROM findings')).toEqual([{ search_text: 'kl-01 bo phan mot cua thi tran can thanh vang nguoi.' }]);
  });
});
