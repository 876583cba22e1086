import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { finalize, Observable } from 'rxjs';
import { AttachmentStorage, ReceivedFile } from './attachment-storage';

/**
 * Removes the staged copy of an uploaded file however the request ends: stored (already moved, so
 * nothing to do), refused, or answered without the handler running (a replayed Idempotency-Key).
 */
@Injectable()
export class DiscardStagedUpload implements NestInterceptor {
  constructor(private readonly storage: AttachmentStorage) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const file = context.switchToHttp().getRequest<Request & { file?: ReceivedFile }>().file;
    if (!file) return next.handle();
    return next.handle().pipe(finalize(() => void this.storage.discard(file.path).catch(() => undefined)));
  }
}
