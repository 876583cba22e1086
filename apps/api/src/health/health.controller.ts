import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';

interface Check {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

const CHECK_TIMEOUT_MS = 2_000;

export class HealthCheckView {
  @ApiProperty({ enum: ['up', 'down'] }) readonly status!: 'up' | 'down';
  @ApiProperty({ type: 'integer', description: 'How long the check took, in milliseconds.' }) readonly latencyMs!: number;
  @ApiPropertyOptional({ description: 'When down: the first line of the error (at most 200 characters).' }) readonly error?: string;
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

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthView, description: 'Every dependency is up.' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'A dependency is down; the body (the same shape, not a problem) says which.' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const [database, temporal] = await Promise.all([
      timed(() => withTimeout(this.db.query('SELECT 1'))),
      // The gRPC deadline bounds the call and its retries; awaiting it (rather than racing it)
      // leaves nothing in flight that could outlive a shutdown.
      timed(() => this.temporal.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => this.temporal.workflowService.getSystemInfo({}))),
    ]);
    const ok = database.status === 'up' && temporal.status === 'up';
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { database, temporal } };
  }
}

async function timed(check: () => Promise<unknown>): Promise<Check> {
  const started = Date.now();
  try {
    await check();
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (error) {
    return { status: 'down', latencyMs: Date.now() - started, error: error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : 'unavailable' };
  }
}

/** A database that stops answering (rather than refusing) must not hang the health check. */
async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
