import { Client, Connection } from '@temporalio/client';
import { dataConverter } from './data-converter';

export interface TemporalClientOptions {
  readonly address: string;
  readonly namespace: string;
  readonly encryptionKeys: readonly string[];
}

export async function connectClient(options: TemporalClientOptions): Promise<Client> {
  const connection = await Connection.connect({ address: options.address, connectTimeout: '10 seconds' });
  return new Client({ connection, namespace: options.namespace, dataConverter: dataConverter(options.encryptionKeys) });
}
