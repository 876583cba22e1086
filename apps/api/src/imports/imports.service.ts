import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { UnitEntity, UserEntity } from '@inspectorate/directory';
import { PasswordHasher } from '../auth/password-hasher';
import { problems } from '../common/problem';
import { ImportAppliedView, ImportReportView, ImportRowView } from './import.dto';
import { ParsedFile, parseImportFile, UnreadableFile } from './import-file';
import { countActions, ImportPlan, planImport } from './import-plan';
import { AuditTrail, requestActor } from '../audit/audit-trail';

/** Any fixed number: the key of the advisory lock that lets one import at a time apply. */
const IMPORT_LOCK = 7_311_001;

/**
 * Units and staff from a file: a dry run that says what would happen to each row (and every
 * error), and an apply that does it in one transaction, or nothing at all. Matching is by unit
 * code and username, and only what differs is written, so applying the same file twice changes
 * nothing the second time.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
  ) {}

  async dryRun(bytes: Buffer): Promise<ImportReportView> {
    const file = await read(bytes);
    return report(file, file.errors.length > 0 ? emptyPlan(file) : await plan(this.db.manager, file));
  }

  async apply(bytes: Buffer, userId: string): Promise<ImportAppliedView> {
    const file = await read(bytes);
    const passwords = new Map<string, string>();
    const result = await this.db
      .transaction(async (manager) => {
        // One import at a time: the plan below is made against the directory as it stays until commit.
        await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
        const steps = file.errors.length > 0 ? emptyPlan(file) : await plan(manager, file);
        const answer = report(file, steps);
        if (!answer.valid) {
          throw problems.badRequest(`The file has ${answer.errors.length} error(s); nothing was imported. A dry run lists them.`, answer.errors.slice(0, 50).map(toFieldProblem));
        }
        await carryOut(manager, steps, async (username) => {
          const password = randomBytes(12).toString('base64url');
          passwords.set(username, password);
          return this.hasher.hash(password);
        });
        await this.audit.record('import_applied', requestActor(), null, { units: answer.units, users: answer.users }, manager);
        return answer;
      })
      .catch((error: unknown) => {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
          throw problems.conflict('A unit code or username of the file was taken by another change at the same moment; nothing was imported. Run the import again.');
        }
        throw error;
      });
    this.logger.log({ msg: 'import applied', by: userId, units: result.units, users: result.users });
    return { ...result, temporaryPasswords: [...passwords].map(([username, temporaryPassword]) => ({ username, temporaryPassword })) };
  }
}

async function read(bytes: Buffer): Promise<ParsedFile> {
  try {
    return await parseImportFile(bytes);
  } catch (error) {
    if (error instanceof UnreadableFile) throw problems.badRequest(error.message, [{ field: 'file', message: error.message }]);
    throw error;
  }
}

function emptyPlan(file: ParsedFile): ImportPlan {
  return { errors: file.errors, units: [], users: [] };
}

async function plan(manager: EntityManager, file: ParsedFile): Promise<ImportPlan> {
  const [units, users] = await Promise.all([
    manager.getRepository(UnitEntity).find({ select: { id: true, code: true, name: true, kind: true } }),
    manager.getRepository(UserEntity).find({ select: { id: true, username: true, displayName: true, role: true, unitId: true } }),
  ]);
  return planImport(file.rows, { units, users });
}

function report(file: ParsedFile, steps: ImportPlan): ImportReportView {
  const items = new Map<number, ImportRowView>();
  const item = (row: number) => items.get(row) ?? (items.set(row, { row }), items.get(row)!);
  for (const u of steps.units) Object.assign(item(u.row), { unitCode: u.code, unit: u.action });
  for (const u of steps.users) Object.assign(item(u.row), { username: u.username, user: u.action });
  return {
    format: file.format,
    rows: file.rows.length,
    valid: steps.errors.length === 0,
    errors: steps.errors.map((e) => ({ row: e.row, ...(e.column ? { column: e.column } : {}), message: e.message })),
    units: countActions(steps.units),
    users: countActions(steps.users),
    items: [...items.values()].sort((a, b) => a.row - b.row),
  };
}

function toFieldProblem(e: { row: number; column?: string; message: string }) {
  return { field: `row ${e.row}${e.column ? `, ${e.column}` : ''}`, message: e.message };
}

async function carryOut(manager: EntityManager, steps: ImportPlan, newPasswordHash: (username: string) => Promise<string>): Promise<void> {
  const unitRepo = manager.getRepository(UnitEntity);
  const userRepo = manager.getRepository(UserEntity);
  for (const u of steps.units) {
    if (u.action === 'create') await unitRepo.insert({ id: randomUUID(), code: u.code, name: u.name, kind: u.kind, active: true, deactivatedAt: null });
    if (u.action === 'update') await unitRepo.update({ id: u.id }, { name: u.name, kind: u.kind });
  }
  const unitIdOf = new Map((await unitRepo.find({ select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  for (const u of steps.users) {
    const unitId = u.unitCode ? unitIdOf.get(u.unitCode)! : null;
    if (u.action === 'create') {
      await userRepo.insert({ id: randomUUID(), username: u.username, displayName: u.displayName, role: u.role, unitId, passwordHash: await newPasswordHash(u.username), isDemo: false, mustChangePassword: true });
    }
    if (u.action === 'update') await userRepo.update({ id: u.id }, { displayName: u.displayName, unitId });
  }
}
