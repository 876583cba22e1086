import { Module } from '@nestjs/common';
import { InspectionAccess } from './inspection-access';

/** What a caller may see of inspections, for every module that reads them. */
@Module({ providers: [InspectionAccess], exports: [InspectionAccess] })
export class AccessModule {}
