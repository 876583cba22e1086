import { Severity } from '@inspectorate/domain';
import { SEVERITY_LABEL, SEVERITY_ORDER } from '../labels';
import { CriterionNames, ReportInspection, ReportRows } from '../input';

export interface SeverityCount {
  readonly severity: Severity;
  readonly label: string;
  readonly total: number;
  readonly open: number;
}

export interface CriterionCount {
  readonly criterionCode: string;
  /** The criterion's Vietnamese name in the checklist version the inspection used. */
  readonly name: string;
  readonly nameEn: string;
  readonly total: number;
  readonly open: number;
}

export interface FindingsSummary {
  /** Findings recorded and not withdrawn (a withdrawn finding is not a finding). */
  readonly total: number;
  /** Of those, still unresolved: the inspection is not closed or cancelled and no verified action answers it. */
  readonly open: number;
  readonly withdrawn: number;
  /** critical, major, minor: always all three. */
  readonly bySeverity: readonly SeverityCount[];
  /** Most findings first, then by code; only criteria with findings. */
  readonly byCriterion: readonly CriterionCount[];
}

export function findingsSummary(rows: ReportRows, names: CriterionNames = new Map()): FindingsSummary {
  const live = rows.findings.filter((f) => f.status !== 'withdrawn');
  const checklistOf = new Map(rows.inspections.map((i) => [i.id, checklistVersionOf(i)]));
  const bySeverity = SEVERITY_ORDER.map((severity) => {
    const of = live.filter((f) => f.severity === severity);
    return { severity, label: SEVERITY_LABEL[severity], total: of.length, open: of.filter((f) => f.open).length };
  });
  const criteria = new Map<string, { total: number; open: number; version: string | undefined }>();
  for (const f of live) {
    const entry = criteria.get(f.criterionCode) ?? { total: 0, open: 0, version: checklistOf.get(f.inspectionId) };
    entry.total += 1;
    if (f.open) entry.open += 1;
    criteria.set(f.criterionCode, entry);
  }
  const byCriterion = [...criteria.entries()]
    .map(([code, c]) => {
      const criterion = criterionNamed(names, code, c.version);
      return { criterionCode: code, name: criterion?.nameVi ?? code, nameEn: criterion?.name ?? code, total: c.total, open: c.open };
    })
    .sort((a, b) => b.total - a.total || a.criterionCode.localeCompare(b.criterionCode));
  return {
    total: live.length,
    open: live.filter((f) => f.open).length,
    withdrawn: rows.findings.length - live.length,
    bySeverity,
    byCriterion,
  };
}

function checklistVersionOf(row: ReportInspection): string | undefined {
  return row.state?.checklistVersion;
}

/** The criterion in the inspection's checklist version; a code unknown there is looked up in the other versions given. */
function criterionNamed(names: CriterionNames, code: string, version: string | undefined) {
  return (version ? names.get(version)?.find((c) => c.code === code) : undefined) ?? [...names.values()].flat().find((c) => c.code === code);
}
