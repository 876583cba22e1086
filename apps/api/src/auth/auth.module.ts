import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@inspectorate/config';
import { AccessGuard } from './access.guard';
import { LoginAttempts } from './login-attempts';
import { loginThrottlers } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SessionStore } from './session-store';
import { TokenService } from './token.service';

/**
 * Tokens, passwords, the global access guard (deny by default) and the login rate limiter, which
 * the login route applies itself (@UseGuards(ThrottlerGuard)).
 */
@Module({
  imports: [
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET }) }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ throttlers: loginThrottlers(config) }),
    }),
  ],
  providers: [
    PasswordHasher,
    TokenService,
    LoginAttempts,
    SessionStore,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [PasswordHasher, TokenService, LoginAttempts, SessionStore],
})
export class AuthModule {}
