import { Module } from '@nestjs/common';
import { ChecklistsModule } from '../checklists/checklists.module';
import { DirectoryModule } from '../directory/directory.module';
import { UnitsModule } from '../units/units.module';
import { CampaignChangesController } from './campaign-changes.controller';
import { CampaignChangesService } from './campaign-changes.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [DirectoryModule, UnitsModule, ChecklistsModule],
  controllers: [CampaignsController, CampaignChangesController],
  providers: [CampaignsService, CampaignChangesService],
})
export class CampaignsModule {}
