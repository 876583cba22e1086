import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ChainVerification } from '@inspectorate/event-store';
import { Roles } from '../auth/access.decorators';
import { ChainVerificationService } from './chain-verification.service';

export class BrokenLinkView {
  @ApiProperty({ type: 'integer', description: 'Position in the log of the first event whose link does not hold.', example: 4812 })
  position!: number;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ example: 'its content does not match its hash' })
  reason!: string;
}

export class CheckpointProblemView {
  @ApiProperty({ type: 'integer', description: 'Where the log and its signed checkpoints disagree.', example: 4813 })
  position!: number;
  @ApiProperty({ example: 'the log ends at position 4812, but position 4815 was signed: the newest events were removed' })
  reason!: string;
}

export class CheckpointVerificationView {
  @ApiProperty({ type: 'integer', description: 'Signed checkpoints of the head found genuine and matching the log.' })
  checked!: number;
  @ApiProperty({ type: 'integer', description: 'The newest position a genuine checkpoint vouches for (0 if none).' })
  lastSignedPosition!: number;
  @ApiPropertyOptional({
    type: CheckpointProblemView,
    description:
      'A checkpoint not signed with the installation’s key, one the log contradicts or that lies beyond its end, or events no checkpoint covers.',
  })
  problem?: CheckpointProblemView;
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
  @ApiPropertyOptional({
    type: CheckpointVerificationView,
    description: 'The log against the signed checkpoints of its head (intact is false when they disagree).',
  })
  checkpoints?: CheckpointVerificationView;
}

/**
 * Whether the event log is as it was written: every event is chained to the previous one by a
 * SHA-256 hash, so an edited, removed or reordered row breaks the chain from that row on.
 * The database already refuses UPDATE, DELETE and TRUNCATE on the log; this catches what
 * someone able to switch that off did anyway. The chain alone cannot tell where the log ends, nor
 * a rewrite re-hashed throughout: the checkpoints of its head, signed with a key the database
 * does not hold, can.
 */
@ApiTags('Operations')
@Controller('audit')
export class AuditController {
  constructor(private readonly chain: ChainVerificationService) {}

  @Get('verify')
  @Roles('admin', 'chairman')
  @ApiOkResponse({ type: ChainVerificationView, description: 'Reads the whole log; a broken chain is still a 200, with intact: false.' })
  verify(): Promise<ChainVerification> {
    return this.chain.verify();
  }
}
