import { DefaultLogger, Runtime } from '@temporalio/worker';

/** Temporal's core logs only warnings in tests; installed once per Jest worker process. */
export function quietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger((process.env.TEST_TEMPORAL_LOG_LEVEL as 'WARN' | undefined) ?? 'WARN') });
  } catch {
    // already installed by an earlier test file in this process
  }
}
