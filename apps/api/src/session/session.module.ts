import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { SessionController } from './session.controller';
import { SessionService } from './session.service';

/** Logging in and "who am I". */
@Module({
  imports: [AuthModule, DirectoryModule],
  controllers: [SessionController],
  providers: [SessionService],
})
export class SessionModule {}
