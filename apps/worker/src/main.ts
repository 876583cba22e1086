import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';
import { AppConfig, ConfigError, loadConfig } from '@inspectorate/config';
import { checkDatabaseRole, createDataSource } from '@inspectorate/database';
import { JsonLogger } from '@inspectorate/observability';
import { WorkerModule } from './worker.module';

/** The worker process: runs workflows and activities until SIGTERM, then drains and exits. */
async function bootstrap(): Promise<void> {
  const config = loadOrExit();
  const logger = new JsonLogger('worker', config.LOG_LEVEL);
  installTemporalLogging(logger, config);

  await checkRoleBeforePolling(config, logger);

  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger, abortOnError: false });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  logger.log({ msg: 'worker started', env: config.APP_ENV, namespace: config.TEMPORAL_NAMESPACE });
}

/** The worker is the log's only writer: in production it must not be able to rewrite the log either. */
async function checkRoleBeforePolling(config: AppConfig, logger: JsonLogger): Promise<void> {
  const db = createDataSource(config.DATABASE_URL, 1);
  await db.initialize();
  try {
    await checkDatabaseRole(db, config.isProduction, (message) => logger.warn({ msg: message }));
  } finally {
    await db.destroy();
  }
}

function loadOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(78); // EX_CONFIG
  }
}

/** Temporal's core logs through our JSON logger, so the worker writes one format only. */
function installTemporalLogging(logger: JsonLogger, config: AppConfig): void {
  const level = (['trace', 'debug', 'info', 'warn', 'error'].includes(config.LOG_LEVEL) ? config.LOG_LEVEL.toUpperCase() : 'INFO') as LogLevel;
  Runtime.install({
    // Nest's shutdown hooks own SIGTERM/SIGINT: they stop the worker, wait for it to drain and only then
    // close the connection. Left to the SDK too, the signal starts two shutdowns that race, and the
    // process could end before the drain was logged.
    shutdownSignals: [],
    logger: new DefaultLogger(level, (entry) => {
      const fields = { ...entry.meta, context: 'temporal' };
      const method = entry.level === 'ERROR' ? 'error' : entry.level === 'WARN' ? 'warn' : entry.level === 'INFO' ? 'info' : 'debug';
      logger.pino[method](fields, entry.message);
    }),
  });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
