import { DataConverter } from '@temporalio/common';
import { EncryptionCodec, parseEncryptionKeys } from './encryption-codec';

/** The module exporting `failureConverter`, for the converter and for bundling workflow code. */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/**
 * The same converter on every side (API client, worker, seeder, tests): payloads are encrypted at
 * rest, and so are failure messages (see failure-converter.ts).
 */
export function dataConverter(keySpecs: readonly string[]): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(parseEncryptionKeys(keySpecs))], failureConverterPath: FAILURE_CONVERTER_PATH };
}
