import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (memory-hard) with OWASP's recommended minimum: 19 MiB, 2 iterations, 1 lane.
 * Unknown users are checked against a fixed hash so both paths take the same time.
 */
@Injectable()
export class PasswordHasher {
  private static readonly OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
  private decoy?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, PasswordHasher.OPTIONS);
  }

  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    if (!passwordHash) {
      this.decoy ??= this.hash('decoy password for timing equality');
      await verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
