import { createHash } from 'node:crypto';
import { canonicalJson } from '@inspectorate/domain';

export interface HashedContent {
  position: number;
  id: string;
  streamId: string;
  streamType: string;
  version: number;
  type: string;
  data: unknown;
  actor: unknown;
  metadata: unknown;
  occurredAt: Date;
  recordedAt: Date;
}

/**
 * The hash of one event: SHA-256 over its canonical content and the previous event's hash.
 * Changing any stored field, or removing or reordering rows, breaks every later link.
 */
export function eventHash(content: HashedContent, prevHash: string | null): string {
  const canonical = canonicalJson({
    position: content.position,
    id: content.id,
    streamId: content.streamId,
    streamType: content.streamType,
    version: content.version,
    type: content.type,
    data: content.data,
    actor: content.actor,
    metadata: content.metadata,
    occurredAt: content.occurredAt.toISOString(),
    recordedAt: content.recordedAt.toISOString(),
    prevHash,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
