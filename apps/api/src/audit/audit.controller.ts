import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { ChainVerificationService } from './chain-verification.service';
import { ChainVerificationView, toChainVerificationView } from './chain-verification.view';

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
  async verify(): Promise<ChainVerificationView> {
    return toChainVerificationView(await this.chain.verify());
  }
}
