import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { MyWorkController } from './my-work.controller';
import { MyWorkService } from './my-work.service';

/** GET /me/work: what is waiting for the caller, across every inspection they take part in. */
@Module({ imports: [AccessModule], controllers: [MyWorkController], providers: [MyWorkService] })
export class MyWorkModule {}
