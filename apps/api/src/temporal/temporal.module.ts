import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppConfig } from '@inspectorate/config';
import { connectClient, tlsFilesOf } from '@inspectorate/temporal';
import { CommandGateway } from './command-gateway';

/** The API's Temporal client, closed on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        connectClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, encryptionKeys: config.PAYLOAD_ENCRYPTION_KEYS, tls: tlsFilesOf(config) }),
    },
    CommandGateway,
  ],
  exports: [Client, CommandGateway],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
