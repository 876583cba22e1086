import { Module } from '@nestjs/common';
import { ChecklistsController } from './checklists.controller';
import { ChecklistsService } from './checklists.service';

/** Checklist templates as versioned data (issue 11, item 1). */
@Module({ controllers: [ChecklistsController], providers: [ChecklistsService], exports: [ChecklistsService] })
export class ChecklistsModule {}
