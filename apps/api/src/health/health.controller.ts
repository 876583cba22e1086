import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { CheckError, HealthChecks } from './health-checks';

export class HealthCheckView {
  @ApiProperty({ enum: ['up', 'down'] }) readonly status!: 'up' | 'down';
  @ApiProperty({ type: 'integer', description: 'How long the check took, in milliseconds.' }) readonly latencyMs!: number;
  @ApiPropertyOptional({
    enum: ['timeout', 'unreachable'],
    description: 'When down: no answer in time, or any other failure (the error itself is in the server’s log).',
  })
  readonly error?: CheckError;
}

export class HealthChecksView {
  @ApiProperty({ type: HealthCheckView, description: 'PostgreSQL (SELECT 1, within 2 s).' }) readonly database!: HealthCheckView;
  @ApiProperty({ type: HealthCheckView, description: 'The Temporal frontend (GetSystemInfo, within 2 s).' })
  readonly temporal!: HealthCheckView;
}

export class HealthView {
  @ApiProperty({ enum: ['ok', 'unavailable'], description: '`ok` (200) when every check is up, `unavailable` (503) otherwise.' })
  readonly status!: 'ok' | 'unavailable';
  @ApiProperty({ type: HealthChecksView }) readonly checks!: HealthChecksView;
}

/** Liveness of what the API depends on. 503 when either is down, so a load balancer stops sending traffic. */
@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthChecks) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthView, description: 'Every dependency is up.' })
  @ApiServiceUnavailableResponse({
    type: HealthView,
    description: 'A dependency is down; the body (the same shape, not a problem) says which.',
  })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const checks = await this.checks.run();
    const ok = checks.database.status === 'up' && checks.temporal.status === 'up';
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}
