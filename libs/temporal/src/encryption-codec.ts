import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, Payload, PayloadCodec, ValueError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

const ENCODING = 'binary/encrypted';
/**
 * What an unencrypted payload becomes on decoding: an encoding no payload converter knows, so
 * converting it fails where the SDK turns failures into refusals (an Update with such an argument
 * is rejected before it is accepted; an activity with such an input fails) instead of the codec
 * throwing, which would fail the whole workflow task and retry it forever.
 */
export const REFUSED_ENCODING = 'binary/refused-unencrypted';
const KEY_ID = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface EncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

/** Parses `id:base64key,id2:base64key2`: the first key encrypts, every key decrypts. */
export function parseEncryptionKeys(specs: readonly string[]): EncryptionKey[] {
  return specs.map((spec) => {
    const [id, material] = spec.split(':');
    const key = Buffer.from(material ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error(`Encryption key "${id ?? ''}" must be 32 bytes, base64 encoded`);
    return { id, key };
  });
}

/**
 * Encrypts every payload Temporal stores (workflow inputs, update arguments, activity inputs and
 * results) with AES-256-GCM, so neither Temporal's database nor its UI can read secret visit
 * windows or findings. The key id travels in the payload's metadata, which is what makes
 * rotation possible: put a new key first, keep the old ones until their histories are gone.
 *
 * Decoding refuses what is not encrypted. AES-GCM authenticates as well as hides: a payload that
 * decrypts was written by a holder of a key (the API, the worker, the operators' tools), so
 * someone who can merely reach Temporal cannot hand a workflow a command of their own making.
 * (The SDK's own plain payloads, such as patch markers and the local-activity marker's metadata,
 * are read by the SDK's core and never reach the codec.)
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly encryptKey: EncryptionKey;
  private readonly keysById: Map<string, Buffer>;

  constructor(keys: readonly EncryptionKey[]) {
    if (keys.length === 0) throw new Error('At least one payload encryption key is required');
    this.encryptKey = keys[0];
    this.keysById = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.encryptKey.key, iv);
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: Buffer.from(ENCODING),
          [KEY_ID]: Buffer.from(this.encryptKey.id),
        },
        data,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      if (!encoding || Buffer.from(encoding).toString() !== ENCODING) return refused();
      const keyId = Buffer.from(payload.metadata?.[KEY_ID] ?? []).toString();
      const key = this.keysById.get(keyId);
      if (!key) throw new ValueError(`No payload encryption key with id "${keyId}" is configured`);
      const data = Buffer.from(payload.data ?? []);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}

function refused(): Payload {
  return { metadata: { [METADATA_ENCODING_KEY]: Buffer.from(REFUSED_ENCODING) }, data: new Uint8Array() };
}
