import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';

/** Why a check failed, as the public may know it: the error itself (addresses, versions) goes to the log only. */
export type CheckError = 'timeout' | 'unreachable';

export interface Check {
  status: 'up' | 'down';
  latencyMs: number;
  error?: CheckError;
}

const CHECK_TIMEOUT_MS = 2_000;

class CheckTimeout extends Error {}

/** The checks behind GET /health: PostgreSQL and the Temporal frontend, each bounded in time. */
@Injectable()
export class HealthChecks {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Client) private readonly temporal: Client,
  ) {}

  private readonly logger = new Logger(HealthChecks.name);

  async run(): Promise<{ database: Check; temporal: Check }> {
    const [database, temporal] = await Promise.all([
      this.timed('database', () => withTimeout(this.db.query('SELECT 1'))),
      // The gRPC deadline bounds the call and its retries; awaiting it (rather than racing it)
      // leaves nothing in flight that could outlive a shutdown.
      this.timed('temporal', () =>
        this.temporal.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => this.temporal.workflowService.getSystemInfo({})),
      ),
    ]);
    return { database, temporal };
  }

  private async timed(name: string, check: () => Promise<unknown>): Promise<Check> {
    const started = Date.now();
    try {
      await check();
      return { status: 'up', latencyMs: Date.now() - started };
    } catch (error) {
      this.logger.warn({ msg: `health check of ${name} failed`, err: error });
      return { status: 'down', latencyMs: Date.now() - started, error: isTimeout(error) ? 'timeout' : 'unreachable' };
    }
  }
}

/** Our own timer, or the gRPC deadline (DEADLINE_EXCEEDED, status 4). */
function isTimeout(error: unknown): boolean {
  return error instanceof CheckTimeout || (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 4);
}

/** A database that stops answering (rather than refusing) must not hang the health check. */
async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new CheckTimeout(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
