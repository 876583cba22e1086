import { Module } from '@nestjs/common';
import { InspectionsModule } from '../inspections/inspections.module';
import { AccountabilityController } from './accountability.controller';
import { AccountabilityService } from './accountability.service';

@Module({ imports: [InspectionsModule], controllers: [AccountabilityController], providers: [AccountabilityService] })
export class AccountabilityModule {}
