import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@inspectorate/config';
import { DatabaseModule } from '@inspectorate/database';
import { EventStoreModule } from '@inspectorate/event-store/event-store.module';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, EventStoreModule.forRoot('writer')],
      providers: [TemporalWorkerService],
    };
  }
}
