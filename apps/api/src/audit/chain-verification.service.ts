import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChainVerification, CheckpointSigner, verifyEventChain } from '@inspectorate/event-store';

/** Walks the event log's hash chain and checks it against the signed checkpoints of its head. */
@Injectable()
export class ChainVerificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    /** The installation's signer, from EventStoreModule: the same key the worker signs with. */
    private readonly signer: CheckpointSigner,
  ) {}

  verify(): Promise<ChainVerification> {
    return verifyEventChain(this.db, { signer: this.signer });
  }
}
