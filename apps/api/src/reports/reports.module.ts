import { Module } from '@nestjs/common';
import { AuthorityModule } from '../authority/authority.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { ConclusionPdfController } from './conclusion-pdf.controller';
import { ConclusionPdfService } from './conclusion-pdf.service';
import { ExpensiveReadGuard, ExpensiveReads } from './expensive-reads';
import { ReportRowsSource } from './report-rows';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** The chairman's reports (JSON, CSV, XLSX) and the printable conclusion. */
@Module({
  imports: [InspectionsModule, AuthorityModule],
  controllers: [ReportsController, ConclusionPdfController],
  providers: [ReportsService, ConclusionPdfService, ReportRowsSource, ExpensiveReads, ExpensiveReadGuard],
})
export class ReportsModule {}
