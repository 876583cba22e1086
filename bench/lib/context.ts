import { TestStack } from '../../test/harness/stack';
import { Scenario } from '../../test/harness/scenario';
import { SqlProfiler } from './sql-profiler';

/** How much of everything: the defaults keep a run under ~5 minutes on 2 cores. */
export interface BenchConfig {
  /** Measured rounds (after one warm-up round) of the command, append and report measurements. */
  readonly rounds: number;
  /** Sequential commands per round (1). */
  readonly commandsPerRound: number;
  /** Commands per client per round in the throughput measurement (1). */
  readonly commandsPerClient: number;
  readonly clients: number;
  /** Appends per round (2). */
  readonly appendsPerRound: number;
  /** Requests of each kind per round (3). */
  readonly reportsPerRound: number;
  /** Rebuilds (4), each with its read-the-log baseline. */
  readonly rebuildRounds: number;
  /** Demo seeds (5), each on a stack of its own. */
  readonly seedRounds: number;
}

export const DEFAULT_CONFIG: BenchConfig = {
  rounds: 5,
  commandsPerRound: 50,
  commandsPerClient: 20,
  clients: 8,
  appendsPerRound: 50,
  reportsPerRound: 6,
  rebuildRounds: 5,
  seedRounds: 3,
};

/** BENCH_QUICK=1: a smoke run of the script itself (figures too few to mean much). */
export const QUICK_CONFIG: BenchConfig = {
  rounds: 2,
  commandsPerRound: 8,
  commandsPerClient: 4,
  clients: 8,
  appendsPerRound: 8,
  reportsPerRound: 2,
  rebuildRounds: 2,
  seedRounds: 1,
};

export interface BenchContext {
  readonly config: BenchConfig;
  readonly stack: TestStack;
  readonly scenario: Scenario;
  readonly profiler: SqlProfiler;
  /** Units to plan inspections on (the 30 of the generated year). */
  readonly unitIds: string[];
  readonly campaignIds: string[];
  readonly log: (message: string) => void;
  /** Registers a clean-up that also runs on Ctrl-C or an error; returns a function that unregisters it. */
  readonly onCleanup: (stop: () => Promise<void>) => () => void;
  /** Takes SIGINT and SIGTERM back from what a stack start installed (call after each startStack). */
  readonly ownSignals: () => void;
}
