import 'reflect-metadata';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '@inspectorate/config';
import { checkDatabaseRole } from '@inspectorate/database';
import { JsonLogger } from '@inspectorate/observability';
import { refuseDemoAccountsInProduction } from './production-guard';
import { createHttpApp } from './http-app';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(78); // EX_CONFIG
  }
  const logger = new JsonLogger('api', config.LOG_LEVEL);
  const app = await createHttpApp(config, logger);
  await refuseDemoAccountsInProduction(app, config);
  await checkDatabaseRole(app.get<DataSource>(getDataSourceToken()), config.isProduction, (message) => logger.warn({ msg: message })).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  await app.listen(config.PORT, config.listenHost);
  const { address, port } = app.getHttpServer().address() as { address: string; port: number };
  logger.log({ msg: 'api listening', host: address, port, env: config.APP_ENV });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
