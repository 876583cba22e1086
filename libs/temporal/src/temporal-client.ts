import { Client, Connection } from '@temporalio/client';
import { dataConverter } from './data-converter';
import { temporalTls, TemporalTlsFiles } from './temporal-tls';

export interface TemporalClientOptions {
  readonly address: string;
  readonly namespace: string;
  readonly encryptionKeys: readonly string[];
  /** Mutual TLS to the frontend; plaintext without. */
  readonly tls?: TemporalTlsFiles;
}

export async function connectClient(options: TemporalClientOptions): Promise<Client> {
  const connection = await Connection.connect({ address: options.address, connectTimeout: '10 seconds', tls: temporalTls(options.tls ?? {}) });
  return new Client({ connection, namespace: options.namespace, dataConverter: dataConverter(options.encryptionKeys) });
}
