import { DataSource } from 'typeorm';

/**
 * Temporary instrumentation for the benchmark only: wraps TypeORM's PostgreSQL query runner
 * (`PostgresQueryRunner.prototype.query`, which every repository call, query builder, upsert and
 * `manager.query` goes through) to time each SQL statement, and groups the statements of the
 * product's code (event store, projector, API reads) into named parts. The product's code runs
 * unchanged; nothing under libs/ is edited. While no phase is set the wrapper only forwards.
 *
 * It runs in the benchmark's process, where the API and the worker also run (test/harness/stack.ts),
 * so the worker's append activity is timed as well. Statements are attributed to the phase that
 * was current when they started; the benchmark sets a phase around sequential operations, and one
 * phase around a whole concurrent run.
 */

export interface PartStat {
  count: number;
  totalMs: number;
}

type QueryFn = (this: object, query: string, parameters?: unknown[], useStructuredResult?: boolean) => Promise<unknown>;

interface OpenTransaction {
  readonly phase: string;
  readonly started: number;
  sqlMs: number;
  kind?: string;
}

/** The parts of the code path a statement belongs to, by its SQL text. */
export function partOf(sql: string): string {
  const s = sql.trimStart();
  if (/^START TRANSACTION|^SET TRANSACTION/i.test(s)) return 'tx: begin (START + SET ISOLATION LEVEL)';
  if (/^COMMIT/i.test(s)) return 'tx: commit';
  if (/^ROLLBACK/i.test(s)) return 'tx: rollback';
  if (s.includes('pg_advisory_xact_lock')) return 'store: append lock (advisory, global)';
  if (/FROM events ORDER BY position DESC LIMIT 1/.test(s)) return 'store: read log head';
  if (s.includes('coalesce(max(version), 0)')) return 'store: stream version check';
  if (/^INSERT INTO "events"/.test(s)) return 'store: insert events';
  if (/^INSERT INTO bench_scratch/.test(s)) return 'baseline: scratch insert';
  if (/^SELECT .* FROM "inspections"/s.test(s)) return 'read: inspection row';
  if (/^SELECT .* FROM "campaigns"/s.test(s)) return 'read: campaign row';
  if (/^INSERT INTO "inspections"/.test(s)) return 'projector: upsert inspection (state jsonb)';
  if (/^INSERT INTO "findings"/.test(s)) return 'projector: upsert all findings';
  if (/^INSERT INTO "corrective_actions"/.test(s)) return 'projector: upsert all actions';
  if (/^INSERT INTO "accountability_cases"/.test(s)) return 'projector: upsert all cases';
  if (/^INSERT INTO "notifications"/.test(s)) return 'projector: insert notifications';
  if (/^INSERT INTO "campaigns"/.test(s)) return 'projector: upsert campaign';
  if (s.startsWith('SELECT status, closed_at')) return 'projector: campaign status (its inspections read)';
  if (s.startsWith('UPDATE campaigns SET status')) return 'projector: campaign status (derived, written)';
  if (/FROM "users"/.test(s)) return 'read: user';
  if (/FROM "events"/.test(s)) return 'read: events';
  return `other: ${s.slice(0, 48).replace(/\s+/g, ' ')}`;
}

export class SqlProfiler {
  /** Statements are recorded under this phase; undefined: not recording. */
  phase: string | undefined;
  private readonly parts = new Map<string, Map<string, PartStat>>();
  private readonly open = new WeakMap<object, OpenTransaction>();
  private restore?: () => void;

  /** Patches the query runner class of this data source's driver (once per process). */
  install(dataSource: DataSource): void {
    if (this.restore) return;
    const runner = dataSource.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as { query: QueryFn };
    void runner.release();
    const original = proto.query;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const profiler = this;
    proto.query = async function (this: object, query: string, parameters?: unknown[], useStructuredResult?: boolean) {
      const phase = profiler.phase;
      if (phase === undefined) return original.call(this, query, parameters, useStructuredResult);
      const started = performance.now();
      try {
        return await original.call(this, query, parameters, useStructuredResult);
      } finally {
        profiler.record(this, phase, query, started, performance.now());
      }
    };
    this.restore = () => {
      proto.query = original;
    };
  }

  uninstall(): void {
    this.restore?.();
    this.restore = undefined;
  }

  /** Runs `work` with statements recorded under `phase`. */
  async during<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const previous = this.phase;
    this.phase = phase;
    try {
      return await work();
    } finally {
      this.phase = previous;
    }
  }

  /** Parts of one phase: count and total time of each. */
  of(phase: string): Record<string, PartStat> {
    return Object.fromEntries([...(this.parts.get(phase) ?? new Map<string, PartStat>())].sort((a, b) => b[1].totalMs - a[1].totalMs));
  }

  phases(): string[] {
    return [...this.parts.keys()];
  }

  reset(): void {
    this.parts.clear();
  }

  private add(phase: string, part: string, ms: number): void {
    const parts = this.parts.get(phase) ?? new Map<string, PartStat>();
    this.parts.set(phase, parts);
    const stat = parts.get(part) ?? { count: 0, totalMs: 0 };
    stat.count += 1;
    stat.totalMs += ms;
    parts.set(part, stat);
  }

  private record(runner: object, phase: string, sql: string, started: number, ended: number): void {
    const tx = this.open.get(runner);
    let part = partOf(sql);
    // The same SELECT is the API's read outside a transaction and the projector's load inside one.
    if (part.startsWith('read: ')) part = tx ? `projector: load ${part.slice(6)}` : `api: ${part}`;
    const ms = ended - started;
    this.add(phase, part, ms);
    if (/^START TRANSACTION/i.test(sql.trimStart())) {
      this.open.set(runner, { phase, started, sqlMs: ms });
      return;
    }
    if (!tx) return;
    tx.sqlMs += ms;
    if (!tx.kind && !part.startsWith('tx: begin')) tx.kind = part.startsWith('store: append lock') ? 'append' : part;
    if (part === 'tx: commit' || part === 'tx: rollback') {
      this.open.delete(runner);
      const wall = ended - tx.started;
      const kind = tx.kind ?? 'empty';
      // Time inside the transaction that was not spent waiting for PostgreSQL: JavaScript
      // (evolve, row builders, hashing, TypeORM's SQL generation) and event-loop waits.
      this.add(tx.phase, `transaction wall (${kind})`, wall);
      this.add(tx.phase, `transaction non-SQL time (${kind})`, wall - tx.sqlMs);
    }
  }
}
