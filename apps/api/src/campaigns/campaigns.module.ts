import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ChecklistsModule } from '../checklists/checklists.module';
import { DirectoryModule } from '../directory/directory.module';
import { UnitsModule } from '../units/units.module';
import { CampaignChangesController } from './campaign-changes.controller';
import { CampaignChangesService } from './campaign-changes.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [AccessModule, DirectoryModule, UnitsModule, ChecklistsModule],
  controllers: [CampaignsController, CampaignChangesController],
  providers: [CampaignsService, CampaignChangesService],
})
export class CampaignsModule {}
