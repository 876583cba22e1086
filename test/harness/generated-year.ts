import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Rating, Severity, streamIds } from '@inspectorate/domain';
import { UnitEntity } from '@inspectorate/directory';
import { EventStore, StreamType } from '@inspectorate/event-store';
import { Projector } from '@inspectorate/read-model';
import { ReportWorld } from '@inspectorate/reports-testing/scenario';

/**
 * A year at scale: 2025, ten campaigns over thirty units (300 inspections, several thousand
 * events), decided by the real domain and written through the real event store and projector.
 * Shared by the reports-at-scale e2e test and the benchmark (bench/), so both measure the same year.
 */
export const UNIT_COUNT = 30;
export const CAMPAIGNS = 10;

export interface GeneratedYear {
  /** The campaigns of the year, in order (January first). */
  readonly campaignIds: string[];
  /** Events appended (the whole log). */
  readonly eventCount: number;
  /** All UNIT_COUNT units: the given ones first, then the ones added. */
  readonly unitIds: string[];
}

/**
 * Adds units up to UNIT_COUNT (codes XA-01 …) next to `units`, generates the year and appends
 * it stream by stream, projecting in the same transaction, as the worker does.
 */
export async function appendGeneratedYear(db: DataSource, units: string[], team: { leadInspectorId: string; inspectorIds: string[] }): Promise<GeneratedYear> {
  const unitIds = [...units];
  const extra = Array.from({ length: UNIT_COUNT - unitIds.length }, (_, n) => ({
    id: randomUUID(),
    code: `XA-${String(n + 1).padStart(2, '0')}`,
    name: `Xã thử nghiệm số ${n + 1}`,
    kind: 'commune' as const,
  }));
  await db.getRepository(UnitEntity).insert(extra);
  unitIds.push(...extra.map((u) => u.id));

  const world = generate2025(unitIds, team);

  // Append stream by stream, projecting in the same transaction, as the worker does.
  const store = new EventStore(db);
  const projector = new Projector();
  const streams = new Map<string, typeof world.world.log>();
  for (const event of world.world.log) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  for (const [streamId, events] of streams) {
    const streamType: StreamType = streamIds.parse(streamId)!.kind;
    await store.append(
      [
        {
          streamId,
          streamType,
          expectedVersion: 0,
          events: events.map((e) => ({ ...e, metadata: {} })),
        },
      ],
      (manager, stored) => projector.project(manager, stored),
    );
  }
  return { campaignIds: world.campaignIds, eventCount: world.world.log.length, unitIds };
}

/** A seeded pseudo-random generator (mulberry32): the same year every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRITERIA = ['LD-01', 'LD-02', 'KL-01', 'KL-02', 'UX-01', 'UX-02', 'TT-01', 'TT-02', 'VH-01', 'TS-01'];
const SEVERITIES: Severity[] = ['minor', 'minor', 'major', 'critical'];
const RATINGS: Rating[] = ['good', 'fair', 'fair', 'poor'];

/** `YYYY-MM-DD HH:mm` local, `days` after `start` (a YYYY-MM-DD). */
function day(start: string, days: number, time = '09:00'): string {
  const date = new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return `${date} ${time}`;
}
const dateOnly = (at: string) => at.slice(0, 10);

/** The year's events, decided by the real domain in memory (nothing written). */
export function generate2025(units: string[], team: { leadInspectorId: string; inspectorIds: string[] }) {
  const rnd = random(20250908);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const world = new ReportWorld({ newId: () => randomUUID(), team });
  const campaignIds: string[] = [];
  for (let c = 0; c < CAMPAIGNS; c += 1) {
    const month = String(c + 1).padStart(2, '0');
    const planned = `2025-${month}-01`;
    const campaignId = world.campaign(
      {
        id: randomUUID(),
        title: `Kiểm tra công vụ đột xuất đợt ${c + 1} năm 2025`,
        year: 2025,
        legalBasis: `Kế hoạch số ${c + 10}/KH-UBND năm 2025`,
      },
      `${planned} 08:00`,
    );
    campaignIds.push(campaignId);
    units.forEach((unitId, u) => {
      const windowStart = dateOnly(day(planned, 5 + (u % 10)));
      const windowEnd = dateOnly(day(windowStart, 4));
      const id = world.plan({ campaignId, unitId, year: 2025, windowStart, windowEnd }, `${planned} 09:00`);
      const fate = rnd();
      if (fate < 0.08) return; // never visited (yet)
      if (fate < 0.12) return world.cancel(id, day(planned, 2));
      const visit = day(windowStart, 1);
      world.start(id, visit);
      const findings: string[] = [];
      const count = Math.floor(rnd() * 5);
      for (let f = 0; f < count; f += 1)
        findings.push(world.finding(id, pick(CRITERIA), pick(SEVERITIES), day(windowStart, 1, `1${f}:00`)));
      if (findings.length > 1 && rnd() < 0.2) world.withdraw(id, findings.pop()!, day(windowStart, 1, '15:00'));
      world.endVisit(id, day(windowStart, 1, '16:00'));
      if (fate < 0.2) return; // drafting (some past their deadline)
      if (fate < 0.23) return world.cancel(id, day(windowStart, 3));
      const required = findings.filter(() => rnd() < 0.7);
      world.conclude(
        id,
        pick(RATINGS),
        required.map((findingId) => ({ findingId, dueDate: dateOnly(day(windowStart, 70)) })),
        day(windowStart, 3),
      );
      world.approve(id, day(windowStart, 5));
      if (required.length === 0) return; // closed at approval
      const due = world.state(id).responseDeadline!.dueAt;
      if (fate < 0.33) return world.markResponseOverdue(id, `${dateOnly(new Date(Date.parse(due) + 8 * 3600_000).toISOString())} 08:00`);
      const late = fate > 0.85;
      if (late) world.markResponseOverdue(id, `${dateOnly(new Date(Date.parse(due) + 8 * 3600_000).toISOString())} 08:00`);
      const answered = late ? day(dateOnly(new Date(Date.parse(due) + 8 * 3600_000).toISOString()), 1, '10:00') : day(windowStart, 7);
      const actions = world.respond(
        id,
        required.map((findingId) => ({ findingId, dueDate: dateOnly(day(dateOnly(answered), 30)) })),
        answered,
      );
      // One thing after another in this inspection: a clock that only moves forward.
      let clock = Date.parse(`${answered.replace(' ', 'T')}:00+07:00`);
      const next = (days: number) => {
        clock += days * 86_400_000 + 10 * 60_000;
        return new Date(clock + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
      };
      for (const actionId of Object.values(actions)) {
        const path = rnd();
        if (path < 0.15) continue; // left open: overdue after its due date
        const reported = next(6);
        world.reportAction(id, actionId, reported);
        if (path < 0.3) {
          world.reject(id, actionId, dateOnly(day(dateOnly(reported), 25)), next(1));
          if (path < 0.2) continue; // rejected once, still to redo
          world.reportAction(id, actionId, next(3));
          if (path < 0.25) {
            world.reject(id, actionId, dateOnly(day(dateOnly(reported), 60)), next(1)); // second rejection: a case
            continue;
          }
        }
        world.verify(id, actionId, next(1));
      }
    });
  }
  return { world, campaignIds };
}
