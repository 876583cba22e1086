import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { UnitEntity, UserEntity } from '@inspectorate/directory';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionStore } from '../auth/session-store';
import { AuditTrail, requestActor } from '../audit/audit-trail';
import { problems } from '../common/problem';
import { UpdateUserDto, UserView } from './directory.dto';
import { toUserView } from './directory.service';

/**
 * What an admin does to accounts after creating them: change them, deactivate and reactivate
 * them, reset a forgotten password. Whatever should end a person's access ends their sessions
 * in the same transaction, so their access tokens stop at once.
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
    private readonly audit: AuditTrail,
  ) {}

  async update(adminId: string, id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.db.transaction(async (tx) => {
      const user = await this.lockedUser(tx.getRepository(UserEntity), id);
      const role = dto.role ?? user.role;
      if (id === adminId && role !== 'admin') throw problems.conflict('An admin cannot take away their own admin role.');
      const unitId = role === 'unit_head' ? (dto.unitId ?? user.unitId) : null;
      if (role !== 'unit_head' && dto.unitId) {
        throw problems.badRequest('Only a unit head is bound to a unit.', [{ field: 'unitId', message: 'must be absent unless role is unit_head' }]);
      }
      if (role === 'unit_head' && !unitId) {
        throw problems.badRequest('A unit head must be bound to a unit.', [{ field: 'unitId', message: 'must be the id of a unit (required for unit_head)' }]);
      }
      if (dto.unitId && !(await tx.getRepository(UnitEntity).exists({ where: { id: dto.unitId } }))) {
        throw problems.badRequest('The unit does not exist.', [{ field: 'unitId', message: 'must be the id of an existing unit' }]);
      }
      const changes = { displayName: dto.displayName ?? user.displayName, role, unitId };
      await tx.getRepository(UserEntity).update({ id }, changes);
      await this.audit.record('account_changed', requestActor(), id, { username: user.username, fields: Object.keys(dto), role, unitId }, tx);
      return toUserView({ ...user, ...changes });
    });
  }

  async setActive(adminId: string, id: string, active: boolean): Promise<UserView> {
    if (!active && id === adminId) throw problems.conflict('An admin cannot deactivate their own account.');
    return this.db.transaction(async (tx) => {
      const user = await this.lockedUser(tx.getRepository(UserEntity), id);
      await tx.getRepository(UserEntity).update({ id }, { active });
      if (!active) await this.sessions.revokeAllOf(id, 'deactivated', { manager: tx });
      await this.audit.record(active ? 'account_reactivated' : 'account_deactivated', requestActor(), id, { username: user.username }, tx);
      return toUserView({ ...user, active });
    });
  }

  async resetPassword(id: string, temporaryPassword: string): Promise<void> {
    const passwordHash = await this.hasher.hash(temporaryPassword);
    await this.db.transaction(async (tx) => {
      const user = await this.lockedUser(tx.getRepository(UserEntity), id);
      await tx.getRepository(UserEntity).update({ id }, { passwordHash, mustChangePassword: true });
      await this.sessions.revokeAllOf(id, 'password_reset', { manager: tx });
      await this.audit.record('password_reset', requestActor(), id, { username: user.username }, tx);
    });
  }

  /** The account, locked until the transaction ends, so two admins' changes apply one after the other. */
  private async lockedUser(repo: Repository<UserEntity>, id: string): Promise<UserEntity> {
    const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw problems.notFound('The user');
    return user;
  }
}
