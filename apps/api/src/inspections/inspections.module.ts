import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { InspectionCommands } from './inspection-commands.service';
import { InspectionsController } from './inspections.controller';
import { InspectionQueries } from './inspections.queries';

@Module({
  imports: [UnitsModule],
  controllers: [InspectionsController],
  providers: [InspectionQueries, InspectionCommands],
  exports: [InspectionQueries, InspectionCommands],
})
export class InspectionsModule {}
