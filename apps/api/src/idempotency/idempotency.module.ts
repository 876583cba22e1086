import { Module } from '@nestjs/common';
import { IdempotencyStore } from './idempotency-store';

/** The store of Idempotency-Key claims and answers, for the global interceptor and the upload one. */
@Module({
  providers: [IdempotencyStore],
  exports: [IdempotencyStore],
})
export class IdempotencyModule {}
