import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { UserEntity } from '@inspectorate/directory';
import { ProblemException } from '../common/problem';
import { toUserView } from '../directory/directory.service';
import { LoginDto, LoginResult } from './session.dto';
import { LoginAttempts } from '../auth/login-attempts';
import { PasswordHasher } from '../auth/password-hasher';
import { TokenService } from '../auth/token.service';

@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly attempts: LoginAttempts,
  ) {}

  /** One answer for a wrong password and an unknown user, so usernames cannot be probed. */
  async login(dto: LoginDto): Promise<LoginResult> {
    const username = dto.username.trim().toLowerCase();
    const delay = this.attempts.delayFor(username);
    if (delay > 0) await sleep(delay);
    const user = await this.db.getRepository(UserEntity).findOne({ where: { username } });
    const valid = await this.hasher.verify(user?.passwordHash, dto.password);
    if (!user || !valid) {
      this.attempts.recordFailure(username);
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The username or password is wrong.');
    }
    this.attempts.recordSuccess(username);
    const token = await this.tokens.issue(user);
    return { ...token, user: toUserView(user) };
  }
}
