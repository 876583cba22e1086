import { Controller, Get, Inject, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';

/** Why a check failed, as the public may know it: the error itself (addresses, versions) goes to the log only. */
type CheckError = 'timeout' | 'unreachable';

interface Check {
  status: 'up' | 'down';
  latencyMs: number;
  error?: CheckError;
}

const CHECK_TIMEOUT_MS = 2_000;

class CheckTimeout extends Error {}

export class HealthCheckView {
  @ApiProperty({ enum: ['up', 'down'] }) readonly status!: 'up' | 'down';
  @ApiProperty({ type: 'integer', description: 'How long the check took, in milliseconds.' }) readonly latencyMs!: number;
  @ApiPropertyOptional({ enum: ['timeout', 'unreachable'], description: 'When down: no answer in time, or any other failure (the error itself is in the server’s log).' })
  readonly error?: CheckError;
}

export class HealthChecksView {
  @ApiProperty({ type: HealthCheckView, description: 'PostgreSQL (SELECT 1, within 2 s).' }) readonly database!: HealthCheckView;
  @ApiProperty({ type: HealthCheckView, description: 'The Temporal frontend (GetSystemInfo, within 2 s).' }) readonly temporal!: HealthCheckView;
}

export class HealthView {
  @ApiProperty({ enum: ['ok', 'unavailable'], description: '`ok` (200) when every check is up, `unavailable` (503) otherwise.' }) readonly status!: 'ok' | 'unavailable';
  @ApiProperty({ type: HealthChecksView }) readonly checks!: HealthChecksView;
}

/** Liveness of what the API depends on. 503 when either is down, so a load balancer stops sending traffic. */
@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Client) private readonly temporal: Client,
  ) {}

  private readonly logger = new Logger(HealthController.name);

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthView, description: 'Every dependency is up.' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'A dependency is down; the body (the same shape, not a problem) says which.' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const [database, temporal] = await Promise.all([
      this.timed('database', () => withTimeout(this.db.query('SELECT 1'))),
      // The gRPC deadline bounds the call and its retries; awaiting it (rather than racing it)
      // leaves nothing in flight that could outlive a shutdown.
      this.timed('temporal', () => this.temporal.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => this.temporal.workflowService.getSystemInfo({}))),
    ]);
    const ok = database.status === 'up' && temporal.status === 'up';
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { database, temporal } };
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
