import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { UnitsModule } from '../units/units.module';
import { InspectionCommands } from './inspection-commands.service';
import { InspectionsController } from './inspections.controller';
import { InspectionQueries } from './inspections.queries';

@Module({
  imports: [AccessModule, UnitsModule],
  controllers: [InspectionsController],
  providers: [InspectionQueries, InspectionCommands],
  exports: [AccessModule, InspectionQueries, InspectionCommands],
})
export class InspectionsModule {}
