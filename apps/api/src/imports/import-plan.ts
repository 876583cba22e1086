import { LIMITS, Role } from '@inspectorate/domain';
import { UnitKind } from '@inspectorate/directory';
import { UNIT_CODE, UNIT_CODE_MESSAGE } from '../units/unit.dto';
import { HEADER_OF, ImportColumn, kindOf, KIND_LABELS, roleOf, ROLE_LABELS } from './import-columns';
import { cellProblem, ParsedRow, RowError } from './import-file';

export type Action = 'create' | 'update' | 'unchanged';

export interface ExistingUnit {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
}

export interface ExistingUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unitId: string | null;
}

export interface UnitStep {
  readonly row: number;
  readonly action: Action;
  readonly id?: string;
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
}

export interface UserStep {
  readonly row: number;
  readonly action: Action;
  readonly id?: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** The unit a unit head heads, by code (it may be created by the same import). */
  readonly unitCode: string | null;
}

export interface ImportPlan {
  readonly errors: RowError[];
  readonly units: UnitStep[];
  readonly users: UserStep[];
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/i;

/**
 * What an import would do, row by row, against the directory as it is: units matched by code,
 * accounts by username; each created, updated (only what differs) or left unchanged. Pure: the
 * dry run shows it, the apply recomputes it inside its transaction and carries it out. Every
 * problem is reported (row, column, message), not only the first.
 *
 * A row is a unit (code, name, kind), a person (username, name, role), or both: a unit and its
 * head. A unit head names their unit by its code, which may be defined on another row or exist
 * already. Other staff belong to no unit. An import never changes an existing account's role
 * (that is the admin's decision in user editing, not a side effect of a file).
 */
export function planImport(rows: readonly ParsedRow[], existing: { units: readonly ExistingUnit[]; users: readonly ExistingUser[] }): ImportPlan {
  const errors: RowError[] = [];
  const unitsByCode = new Map(existing.units.map((u) => [u.code, u]));
  const unitCodeById = new Map(existing.units.map((u) => [u.id, u.code]));
  const usersByName = new Map(existing.users.map((u) => [u.username, u]));
  const unitRowOf = new Map<string, number>();
  const userRowOf = new Map<string, number>();
  const units: UnitStep[] = [];
  const users: UserStep[] = [];
  const pendingHeads: { row: number; unitCode: string }[] = [];

  for (const { row, cells } of rows) {
    const fail = (column: ImportColumn | undefined, message: string) => errors.push({ row, ...(column ? { column: HEADER_OF[column] } : {}), message });
    const unreadable = (Object.entries(cells) as [ImportColumn, string][]).flatMap(([column, value]) => {
      const problem = cellProblem(value);
      return problem ? [{ column, problem }] : [];
    });
    unreadable.forEach(({ column, problem }) => fail(column, problem));
    if (unreadable.length > 0) continue;

    const definesUnit = cells.unitName !== '' || cells.unitKind !== '';
    const definesPerson = cells.username !== '' || cells.displayName !== '' || cells.role !== '';
    if (!definesUnit && !definesPerson) {
      fail('unitName', 'is required: a row is a unit (code, name, kind), a person (username, name, role), or both');
      continue;
    }

    if (definesUnit) {
      const code = cells.unitCode;
      const kind = kindOf(cells.unitKind);
      const problemsOfUnit: [ImportColumn, string][] = [];
      if (code === '') problemsOfUnit.push(['unitCode', 'is required for a unit']);
      else if (!UNIT_CODE.test(code)) problemsOfUnit.push(['unitCode', UNIT_CODE_MESSAGE]);
      else if (unitRowOf.has(code)) problemsOfUnit.push(['unitCode', `is already defined on row ${unitRowOf.get(code)}`]);
      if (cells.unitName === '') problemsOfUnit.push(['unitName', 'is required for a unit']);
      else if (cells.unitName.length > LIMITS.text.short) problemsOfUnit.push(['unitName', `must be at most ${LIMITS.text.short} characters`]);
      if (!kind) problemsOfUnit.push(['unitKind', `must be one of ${Object.entries(KIND_LABELS).map(([k, label]) => `${label} (${k})`).join(', ')}`]);
      problemsOfUnit.forEach(([column, message]) => fail(column, message));
      if (problemsOfUnit.length === 0 && kind) {
        unitRowOf.set(code, row);
        const current = unitsByCode.get(code);
        const action: Action = !current ? 'create' : current.name === cells.unitName && current.kind === kind ? 'unchanged' : 'update';
        units.push({ row, action, ...(current ? { id: current.id } : {}), code, name: cells.unitName, kind });
      }
    }

    if (definesPerson) {
      const username = cells.username.toLowerCase();
      const role = roleOf(cells.role);
      const current = usersByName.get(username);
      const problemsOfPerson: [ImportColumn, string][] = [];
      if (username === '') problemsOfPerson.push(['username', 'is required for a person']);
      else if (!USERNAME.test(username)) problemsOfPerson.push(['username', 'must be 3–64 letters, digits, dots, dashes or underscores']);
      else if (userRowOf.has(username)) problemsOfPerson.push(['username', `is already on row ${userRowOf.get(username)}`]);
      if (cells.displayName === '') problemsOfPerson.push(['displayName', 'is required for a person']);
      else if (cells.displayName.length > LIMITS.text.short) problemsOfPerson.push(['displayName', `must be at most ${LIMITS.text.short} characters`]);
      if (!role) problemsOfPerson.push(['role', `must be one of ${Object.entries(ROLE_LABELS).map(([r, label]) => `${label} (${r})`).join(', ')}`]);
      else if (role === 'unit_head' && cells.unitCode === '') problemsOfPerson.push(['unitCode', 'is required for a unit head: the unit they head']);
      else if (role !== 'unit_head' && cells.unitCode !== '') problemsOfPerson.push(['role', 'only a unit head belongs to a unit: put other staff on a row of their own, without a unit']);
      else if (current && current.role !== role) {
        problemsOfPerson.push(['role', `the account ${username} exists with the role ${current.role}; an import does not change roles (edit the account instead)`]);
      }
      problemsOfPerson.forEach(([column, message]) => fail(column, message));
      if (problemsOfPerson.length === 0 && role) {
        userRowOf.set(username, row);
        const unitCode = role === 'unit_head' ? cells.unitCode : null;
        if (unitCode) pendingHeads.push({ row, unitCode });
        const currentUnitCode = current?.unitId ? (unitCodeById.get(current.unitId) ?? null) : null;
        const action: Action = !current ? 'create' : current.displayName === cells.displayName && currentUnitCode === unitCode ? 'unchanged' : 'update';
        users.push({ row, action, ...(current ? { id: current.id } : {}), username, displayName: cells.displayName, role, unitCode });
      }
    }
  }

  // A unit head's unit exists already or is defined by the import (on any row).
  for (const { row, unitCode } of pendingHeads) {
    if (!unitsByCode.has(unitCode) && !unitRowOf.has(unitCode) && !errors.some((e) => e.row === row && e.column === HEADER_OF.unitCode)) {
      errors.push({ row, column: HEADER_OF.unitCode, message: `names no unit: ${unitCode} neither exists nor is defined in the file` });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { errors, units, users };
}

export function countActions(steps: readonly { action: Action }[]): { created: number; changed: number; unchanged: number } {
  return {
    created: steps.filter((s) => s.action === 'create').length,
    changed: steps.filter((s) => s.action === 'update').length,
    unchanged: steps.filter((s) => s.action === 'unchanged').length,
  };
}
