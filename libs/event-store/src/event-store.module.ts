import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@inspectorate/config';
import { CheckpointSigner } from './checkpoint';
import { EventStore } from './event-store';

/**
 * The event log for a Nest process: one `EventStore` on the process's data source, and the
 * installation's `CheckpointSigner` (from CHAIN_CHECKPOINT_KEY), for every module of the process
 * (global, imported once by the process's root module, like the database). Imported by its
 * sub-path, so that the CLI, which reads the library's index, loads no Nest.
 */
@Module({})
export class EventStoreModule {
  /**
   * `writer`: the worker, the log's only writer, signs a checkpoint of the head in every append.
   * `reader`: the API reads streams and the log and verifies the chain, and appends nothing.
   */
  static forRoot(role: 'writer' | 'reader'): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        {
          provide: CheckpointSigner,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => new CheckpointSigner(config.CHAIN_CHECKPOINT_KEY),
        },
        {
          provide: EventStore,
          inject: [getDataSourceToken(), CheckpointSigner],
          useFactory: (db: DataSource, signer: CheckpointSigner) => new EventStore(db, role === 'writer' ? { checkpoints: signer } : {}),
        },
      ],
      exports: [EventStore, CheckpointSigner],
    };
  }
}
