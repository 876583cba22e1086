import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChainVerification, verifyEventChain } from '@inspectorate/event-store';
import { Roles } from '../auth/access.decorators';

export class BrokenLinkView {
  @ApiProperty({ type: 'integer', description: 'Position in the log of the first event whose link does not hold.', example: 4812 })
  position!: number;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ example: 'its content does not match its hash' })
  reason!: string;
}

export class ChainVerificationView {
  @ApiProperty({ description: 'True when every event still matches its hash and links to the one before it, with no gap.' })
  intact!: boolean;
  @ApiProperty({ type: 'integer', description: 'Events found intact, from position 1.' })
  checked!: number;
  @ApiProperty({ type: 'integer', description: 'Position of the last event found intact (0 for an empty log).' })
  lastPosition!: number;
  @ApiPropertyOptional({ type: BrokenLinkView, description: 'Present when the chain is broken: the first link that does not hold.' })
  firstBrokenLink?: BrokenLinkView;
}

/**
 * Whether the event log is as it was written: every event is chained to the previous one by a
 * SHA-256 hash, so an edited, removed or reordered row breaks the chain from that row on.
 * The database already refuses UPDATE, DELETE and TRUNCATE on the log; this catches what
 * someone able to switch that off did anyway.
 */
@ApiTags('Operations')
@Controller('audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('verify')
  @Roles('admin', 'chairman')
  @ApiOkResponse({ type: ChainVerificationView, description: 'Reads the whole log; a broken chain is still a 200, with intact: false.' })
  verify(): Promise<ChainVerification> {
    return verifyEventChain(this.db);
  }
}
