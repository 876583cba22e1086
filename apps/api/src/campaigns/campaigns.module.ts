import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { DirectoryModule } from '../directory/directory.module';
import { UnitsModule } from '../units/units.module';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [AccessModule, DirectoryModule, UnitsModule],
  controllers: [CampaignsController],
  providers: [CampaignsService],
})
export class CampaignsModule {}
