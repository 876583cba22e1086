import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@inspectorate/domain';
import { UnitEntity, UserEntity } from '@inspectorate/directory';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly unitId?: string;
}

export interface TestPeople {
  readonly units: { readonly a: string; readonly b: string; readonly c: string };
  readonly admin: TestUser;
  readonly lead: TestUser;
  readonly otherLead: TestUser;
  readonly inspector1: TestUser;
  readonly inspector2: TestUser;
  readonly outsideInspector: TestUser;
  readonly chairman: TestUser;
  readonly headA: TestUser;
  readonly headB: TestUser;
  readonly headC: TestUser;
}

/** The people every test can use: a team, an outsider, the chairman and three unit heads. */
export async function seedPeople(db: DataSource): Promise<TestPeople> {
  const units = { a: randomUUID(), b: randomUUID(), c: randomUUID() };
  await db.getRepository(UnitEntity).insert([
    { id: units.a, code: 'UNIT-A', name: 'Xã Bình Khánh', kind: 'commune' },
    { id: units.b, code: 'UNIT-B', name: 'Phòng Nội vụ', kind: 'department' },
    { id: units.c, code: 'UNIT-C', name: 'Thị trấn Cần Thạnh', kind: 'town' },
  ]);
  const passwordHash = await hash(TEST_PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const user = (username: string, role: Role, unitId?: string): TestUser => ({ id: randomUUID(), username, role, ...(unitId ? { unitId } : {}) });
  const people: TestPeople = {
    units,
    admin: user('admin', 'admin'),
    lead: user('lead', 'lead_inspector'),
    otherLead: user('otherlead', 'lead_inspector'),
    inspector1: user('inspector1', 'inspector'),
    inspector2: user('inspector2', 'inspector'),
    outsideInspector: user('outsider', 'inspector'),
    chairman: user('chairman', 'chairman'),
    headA: user('head.a', 'unit_head', units.a),
    headB: user('head.b', 'unit_head', units.b),
    headC: user('head.c', 'unit_head', units.c),
  };
  const rows = Object.values(people)
    .filter((p): p is TestUser => 'role' in p)
    .map((p) => ({ id: p.id, username: p.username, displayName: p.username, role: p.role, unitId: p.unitId ?? null, passwordHash, isDemo: false }));
  await db.getRepository(UserEntity).insert(rows);
  return people;
}
