import { DataConverter } from '@temporalio/common';
import { EncryptionCodec, parseEncryptionKeys } from './encryption-codec';

/** The same converter on every side (API client, worker, seeder, tests): payloads are encrypted at rest. */
export function dataConverter(keySpecs: readonly string[]): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(parseEncryptionKeys(keySpecs))] };
}
