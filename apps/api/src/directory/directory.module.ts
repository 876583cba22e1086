import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AccountsService } from './accounts.service';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';

@Module({
  imports: [AuthModule],
  controllers: [DirectoryController],
  providers: [DirectoryService, AccountsService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
