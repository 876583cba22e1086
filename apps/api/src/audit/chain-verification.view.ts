import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChainVerification, CheckpointVerification } from '@inspectorate/event-store';

/**
 * What GET /audit/verify answers: the event store's verdict (`verifyEventChain`), described for
 * OpenAPI. These classes are the one definition of what is sent: the mappers below name every
 * field, so the compiler refuses a field they do not describe and one they require left out.
 * An optional part the verdict lacks stays absent from the JSON (undefined is not serialised).
 */

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

export function toChainVerificationView(chain: ChainVerification): ChainVerificationView {
  return {
    intact: chain.intact,
    checked: chain.checked,
    lastPosition: chain.lastPosition,
    firstBrokenLink: chain.firstBrokenLink ? toBrokenLinkView(chain.firstBrokenLink) : undefined,
    checkpoints: chain.checkpoints ? toCheckpointVerificationView(chain.checkpoints) : undefined,
  };
}

function toBrokenLinkView(link: NonNullable<ChainVerification['firstBrokenLink']>): BrokenLinkView {
  return { position: link.position, eventId: link.eventId, reason: link.reason };
}

function toCheckpointVerificationView(checkpoints: CheckpointVerification): CheckpointVerificationView {
  return {
    checked: checkpoints.checked,
    lastSignedPosition: checkpoints.lastSignedPosition,
    problem: checkpoints.problem ? toCheckpointProblemView(checkpoints.problem) : undefined,
  };
}

function toCheckpointProblemView(problem: NonNullable<CheckpointVerification['problem']>): CheckpointProblemView {
  return { position: problem.position, reason: problem.reason };
}
