import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@inspectorate/config';
import { UserEntity } from '@inspectorate/directory';

/** Production never runs with the demo accounts (their passwords are published in the README). */
export async function refuseDemoAccountsInProduction(app: INestApplication, config: AppConfig): Promise<void> {
  if (!config.isProduction) return;
  const demoAccounts = await app.get<DataSource>(getDataSourceToken()).getRepository(UserEntity).count({ where: { isDemo: true } });
  if (demoAccounts > 0) {
    await app.close();
    throw new Error(`Refusing to start in production: ${demoAccounts} demo account(s) exist. Remove them first.`);
  }
}
