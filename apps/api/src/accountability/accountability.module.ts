import { Module } from '@nestjs/common';
import { InspectionsModule } from '../inspections/inspections.module';
import { AccountabilityController } from './accountability.controller';

@Module({ imports: [InspectionsModule], controllers: [AccountabilityController] })
export class AccountabilityModule {}
