import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarCorrections } from './calendar-corrections';
import { CalendarService } from './calendar.service';

/** The working-day calendar as data (issue 11, item 2): read by staff, edited by the admin, applied to running inspections explicitly. */
@Module({
  controllers: [CalendarController],
  providers: [CalendarService, CalendarCorrections],
})
export class CalendarModule {}
