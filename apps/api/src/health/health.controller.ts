import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ description: '{ status: "ok", checks: { database, temporal } }' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the body says which.' })
  async health(@Res({ passthrough: true }) response: Response) {
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
