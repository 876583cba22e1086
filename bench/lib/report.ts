import { Ratio, ratio, Series, Summary, median } from './stats';
import { PartStat } from './sql-profiler';

/** One line of the results table: a measurement, and how many times its baseline it is. */
export interface Row {
  readonly name: string;
  readonly unit: string;
  readonly summary: Summary;
  /** The name of the row it is compared with; absent on the baseline rows themselves. */
  readonly baseline?: string;
  readonly ratio?: Ratio;
  readonly note?: string;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  /** What the baseline is and why it is the fair comparison. */
  readonly baseline: string;
  readonly rows: Row[];
  /** Further figures: where the time goes (SQL parts), counts, growth. */
  readonly details: Record<string, unknown>;
}

export function baselineRow(series: Series, note?: string): Row {
  return { name: series.name, unit: series.unit, summary: series.summary(), ...(note ? { note } : {}) };
}

export function comparedRow(series: Series, baseline: Series, note?: string): Row {
  return {
    name: series.name,
    unit: series.unit,
    summary: series.summary(),
    baseline: baseline.name,
    ratio: ratio(series, baseline),
    ...(note ? { note } : {}),
  };
}

/** Against a figure of another section of the same run (one value, not rounds of its own). */
export function rowAgainst(series: Series, baselineName: string, baselineMedian: number, note?: string, label = series.name): Row {
  const perRound = series.roundMedians().map((m) => m / baselineMedian);
  return {
    name: label,
    unit: series.unit,
    summary: series.summary(),
    baseline: baselineName,
    ratio: {
      pooled: median(series.samples) / baselineMedian,
      perRound: { median: median(perRound), min: Math.min(...perRound), max: Math.max(...perRound) },
    },
    ...(note ? { note } : {}),
  };
}

/** Mean time per operation of each SQL part of a profiled phase. */
export function perOperation(
  parts: Record<string, PartStat>,
  operations: number,
): Record<string, { perOpMs: number; statementsPerOp: number }> {
  return Object.fromEntries(
    Object.entries(parts).map(([part, stat]) => [
      part,
      { perOpMs: round(stat.totalMs / operations, 3), statementsPerOp: round(stat.count / operations, 2) },
    ]),
  );
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const fmt = (value: number, unit: string) => {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'ms' || unit === 'ms/command')
    return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
  return `${value.toFixed(1)} ${unit}`;
};

const fmtRatio = (r: Ratio | undefined) => {
  if (!r) return 'baseline';
  const x = (v: number) => (v >= 10 ? v.toFixed(0) : v.toFixed(2));
  return `${x(r.pooled)}× (${x(r.perRound.min)}–${x(r.perRound.max)})`;
};

/** The readable table: one block per section. */
export function renderTable(sections: readonly Section[]): string {
  const header = ['measurement', 'median', 'p90', 'n', '× baseline (per-round range)'];
  const lines: string[] = [];
  for (const section of sections) {
    const rows = section.rows.map((row) => [
      row.name,
      fmt(row.summary.median, row.unit),
      fmt(row.summary.p90, row.unit),
      String(row.summary.n),
      fmtRatio(row.ratio),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    lines.push(
      '',
      `${section.title}`,
      `  baseline: ${section.baseline}`,
      '  ' + line(header),
      '  ' + widths.map((w) => '-'.repeat(w)).join('  '),
    );
    for (const row of rows) lines.push('  ' + line(row));
  }
  return lines.join('\n');
}

/** A profiled phase as indented lines: part, ms per operation, statements per operation. */
export function renderParts(title: string, parts: Record<string, { perOpMs: number; statementsPerOp: number }>): string {
  const entries = Object.entries(parts);
  const width = Math.max(...entries.map(([k]) => k.length), 10);
  return [
    `  ${title}`,
    ...entries.map(([k, v]) => `    ${k.padEnd(width)}  ${v.perOpMs.toFixed(3).padStart(8)} ms  ×${v.statementsPerOp}`),
  ].join('\n');
}
