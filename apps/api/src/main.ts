import 'reflect-metadata';
import { ConfigError, loadConfig } from '@inspectorate/config';
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
  await app.listen(config.PORT, '0.0.0.0');
  logger.log({ msg: 'api listening', port: config.PORT, env: config.APP_ENV });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
