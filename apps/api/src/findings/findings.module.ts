import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { FindingSearch } from './finding-search';
import { FindingsController } from './findings.controller';

/** Findings searched across inspections (issue 11, item 10). */
@Module({
  imports: [AccessModule],
  controllers: [FindingsController],
  providers: [FindingSearch],
})
export class FindingsModule {}
