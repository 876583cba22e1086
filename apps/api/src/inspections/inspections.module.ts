import { Module } from '@nestjs/common';
import { InspectionCommands } from './inspection-commands.service';
import { InspectionsController } from './inspections.controller';
import { InspectionQueries } from './inspections.queries';

@Module({
  controllers: [InspectionsController],
  providers: [InspectionQueries, InspectionCommands],
  exports: [InspectionQueries, InspectionCommands],
})
export class InspectionsModule {}
