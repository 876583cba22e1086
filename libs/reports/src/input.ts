import { canSeeInspection, Criterion, iso, UserActor } from '@inspectorate/domain';
import type { ActionRow, CaseRow, FindingRow, InspectionRow } from '@inspectorate/read-model/rows';

/**
 * What every report is computed from: the read model's rows (from the projection tables, or built
 * in memory from the events up to a past instant by the same row builders), the instant the
 * report is "as of", the names of the units, and who is asking.
 */
export interface ReportRows {
  readonly inspections: readonly ReportInspection[];
  readonly findings: readonly FindingRow[];
  readonly actions: readonly ActionRow[];
  readonly cases: readonly CaseRow[];
}

/**
 * An inspection row as the reports need it: every column of the projection's row but the folded
 * state, of which only the checklist version is read (to name criteria). A full `InspectionRow`
 * (from a replay) is one; the live query leaves the large state column out.
 */
export type ReportInspection = Omit<InspectionRow, 'state' | 'version' | 'updatedAt'> & {
  readonly state?: { readonly checklistVersion?: string };
};

export interface UnitInfo {
  readonly code: string;
  readonly name: string;
}

/** unit id → code and name, passed in by the caller (the directory is not part of the event log). */
export type UnitDirectory = ReadonlyMap<string, UnitInfo>;

/**
 * checklist version → its criteria, as stored (the caller reads the versions the rows name):
 * findings are named by the version of their inspection, never by a newer one.
 */
export type CriterionNames = ReadonlyMap<string, readonly Criterion[]>;

/** Where the rows came from: the live projection, or a replay of the log up to `asOf`. */
export type ReportSource = 'live' | 'replay';

export interface ReportContext {
  /** The instant the report is as of: a deadline before it, with the thing not done, is overdue. */
  readonly asOf: Date;
  readonly units: UnitDirectory;
  /** Reports only ever count what this person may know exists (see `visibleRows`). */
  readonly viewer: UserActor;
  readonly source: ReportSource;
  /** The criteria of the versions the rows name; a code not found there is shown as the code. */
  readonly criteria?: CriterionNames;
}

export interface ReportMeta {
  readonly asOf: string;
  readonly source: ReportSource;
  readonly viewerRole: UserActor['role'];
  /** Set for a unit head: everything in the report is about this unit only. */
  readonly scopeUnitId: string | null;
}

export const EMPTY_ROWS: ReportRows = { inspections: [], findings: [], actions: [], cases: [] };

export function reportMeta(ctx: ReportContext): ReportMeta {
  return {
    asOf: iso(ctx.asOf),
    source: ctx.source,
    viewerRole: ctx.viewer.role,
    scopeUnitId: ctx.viewer.role === 'unit_head' ? (ctx.viewer.unitId ?? null) : null,
  };
}

/**
 * The rows this viewer may know of, by the domain's own rule (`canSeeInspection`): until its visit
 * starts an inspection exists only for its team and the chairman, so a planned inspection is
 * neither listed nor counted for anyone else; a unit head sees only their own unit's started
 * inspections. Findings, actions and cases follow their inspection.
 */
export function visibleRows(rows: ReportRows, viewer: UserActor): ReportRows {
  const inspections = rows.inspections.filter((row) => canSeeInspection(viewer, visibilityFacts(row)));
  if (inspections.length === rows.inspections.length) return rows;
  const ids = new Set(inspections.map((i) => i.id));
  return {
    inspections,
    findings: rows.findings.filter((f) => ids.has(f.inspectionId)),
    actions: rows.actions.filter((a) => ids.has(a.inspectionId)),
    cases: rows.cases.filter((c) => ids.has(c.inspectionId)),
  };
}

export function visibilityFacts(row: ReportInspection) {
  return {
    unitId: row.unitId,
    status: row.status,
    team: { leadInspectorId: row.leadInspectorId, inspectorIds: row.teamMemberIds.filter((id) => id !== row.leadInspectorId) },
    startedAt: row.startedAt ? iso(row.startedAt) : undefined,
  };
}

/** Keeps the rows of the inspections that pass `keep` (and their findings, actions and cases). */
export function selectRows(rows: ReportRows, keep: (inspection: ReportInspection) => boolean): ReportRows {
  const inspections = rows.inspections.filter(keep);
  const ids = new Set(inspections.map((i) => i.id));
  return {
    inspections,
    findings: rows.findings.filter((f) => ids.has(f.inspectionId)),
    actions: rows.actions.filter((a) => ids.has(a.inspectionId)),
    cases: rows.cases.filter((c) => ids.has(c.inspectionId)),
  };
}

export interface UnitRef {
  readonly unitId: string;
  readonly unitCode: string;
  readonly unitName: string;
}

/** A unit the directory does not know (deleted, or not passed in) still shows, by its id. */
export function unitRef(units: UnitDirectory, unitId: string): UnitRef {
  const unit = units.get(unitId);
  return { unitId, unitCode: unit?.code ?? unitId, unitName: unit?.name ?? unitId };
}
