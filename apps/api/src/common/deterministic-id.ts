import { createHash, randomUUID } from 'node:crypto';

/**
 * A UUID derived from its parts (SHA-256, formatted as a version 8 UUID). Used to name what a
 * command creates when it carries an Idempotency-Key, so a retried create names the same things.
 */
export function deterministicUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A new id: derived from the caller and their Idempotency-Key when there is one, random otherwise. */
export function newId(kind: string, userId: string, idempotencyKey: string | undefined, ...more: string[]): string {
  return idempotencyKey ? deterministicUuid(kind, userId, idempotencyKey, ...more) : randomUUID();
}
