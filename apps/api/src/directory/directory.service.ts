import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { Language, UnitEntity, UserEntity } from '@inspectorate/directory';
import { PasswordHasher } from '../auth/password-hasher';
import { decodeCursor, Page, pageLimit, toPage } from '../common/pagination';
import { FieldProblem, problems } from '../common/problem';
import { foldForSearch } from '@inspectorate/read-model';
import { containsPattern, FOLD_PARAMETERS, foldedSql } from '../common/accent-insensitive';
import { CreateUserDto, ListUsersQuery, UserView } from './directory.dto';
import { insertUnique } from '../common/unique-violation';
import { AuditTrail, requestActor } from '../audit/audit-trail';

/** Units and user accounts: the organisation the inspections are about. Plain records, managed by admins. */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
  ) {}

  async listUsers(query: ListUsersQuery): Promise<Page<UserView>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const q = this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('u.username', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(limit + 1);
    if (query.role) q.andWhere('u.role = :role', { role: query.role });
    if (query.active) q.andWhere('u.active = :active', { active: query.active === 'true' });
    // Every word must appear in the username or the display name, accents and case aside.
    foldForSearch(query.q ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .forEach((word, i) => {
        q.andWhere(`(${foldedSql('u.username')} LIKE :word${i} OR ${foldedSql('u.display_name')} LIKE :word${i})`, {
          ...FOLD_PARAMETERS,
          [`word${i}`]: containsPattern(word),
        });
      });
    if (after) q.andWhere('(u.username, u.id) > (:key, :id)', { key: after[0], id: after[1] });
    return toPage(await q.getMany(), limit, (u) => [u.username, u.id], toUserView);
  }

  async findUser(id: string): Promise<UserView | undefined> {
    const user = await this.db.getRepository(UserEntity).findOne({ where: { id } });
    return user ? toUserView(user) : undefined;
  }

  /** What users may change about themselves. */
  async updateProfile(id: string, changes: { language?: Language; displayName?: string }): Promise<UserView | undefined> {
    const patch = {
      ...(changes.language ? { language: changes.language } : {}),
      ...(changes.displayName ? { displayName: changes.displayName } : {}),
    };
    if (Object.keys(patch).length > 0) await this.db.getRepository(UserEntity).update({ id }, patch);
    return this.findUser(id);
  }

  async createUser(dto: CreateUserDto): Promise<UserView> {
    if (dto.role !== 'unit_head' && dto.unitId) {
      throw problems.badRequest('Only a unit head is bound to a unit.', [
        { field: 'unitId', message: 'must be absent unless role is unit_head' },
      ]);
    }
    if (dto.unitId && !(await this.db.getRepository(UnitEntity).exists({ where: { id: dto.unitId } }))) {
      throw problems.badRequest('The unit does not exist.', [{ field: 'unitId', message: 'must be the id of an existing unit' }]);
    }
    const repo = this.db.getRepository(UserEntity);
    const username = dto.username.toLowerCase();
    const user = repo.create({
      id: randomUUID(),
      username,
      displayName: dto.displayName,
      role: dto.role,
      unitId: dto.unitId ?? null,
      passwordHash: await this.hasher.hash(dto.password),
      isDemo: false,
      language: 'vi',
      active: true,
      mustChangePassword: false,
    });
    await insertUnique(
      () => repo.insert(user),
      'users_username_key',
      () => problems.conflict(`The username ${username} is taken.`),
    );
    await this.audit.record('account_created', requestActor(), user.id, { username, role: user.role, unitId: user.unitId });
    return toUserView(user);
  }

  /** Checks the people and units a campaign names, reporting each bad reference by its field. */
  async checkCampaignReferences(input: {
    leadInspectorId: string;
    inspectorIds: string[];
    unitIds: { field: string; unitId: string }[];
  }): Promise<FieldProblem[]> {
    const problemsFound: FieldProblem[] = [];
    const userIds = [input.leadInspectorId, ...input.inspectorIds];
    const users = await this.db.getRepository(UserEntity).find({ where: { id: In(userIds) } });
    // A deactivated account cannot be put on a team: it could never act on it.
    const roleOf = new Map(users.filter((u) => u.active).map((u) => [u.id, u.role]));
    if (roleOf.get(input.leadInspectorId) !== 'lead_inspector') {
      problemsFound.push({ field: 'leadInspectorId', message: 'must be the id of an active lead_inspector user' });
    }
    input.inspectorIds.forEach((id, index) => {
      if (roleOf.get(id) !== 'inspector')
        problemsFound.push({ field: `inspectorIds.${index}`, message: 'must be the id of an active inspector user' });
    });
    problemsFound.push(...(await this.checkUnits(input.unitIds)));
    return problemsFound;
  }

  /** Each unit reference that names no existing unit, reported by its field. */
  async checkUnits(references: readonly { field: string; unitId: string }[]): Promise<FieldProblem[]> {
    const unitIds = [...new Set(references.map((u) => u.unitId))];
    const units =
      unitIds.length > 0 ? await this.db.getRepository(UnitEntity).find({ where: { id: In(unitIds) }, select: { id: true } }) : [];
    const known = new Set(units.map((u) => u.id));
    return references
      .filter(({ unitId }) => !known.has(unitId))
      .map(({ field }) => ({ field, message: 'must be the id of an existing unit' }));
  }
}

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    ...(user.unitId ? { unitId: user.unitId } : {}),
    language: user.language,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
  };
}
