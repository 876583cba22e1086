import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppConfig } from '@inspectorate/config';
import { JsonLogger } from '@inspectorate/observability';
import { AppModule } from './app.module';

export const API_PREFIX = 'api/v1';

/**
 * Builds the HTTP application: shared by main.ts, the end-to-end tests and the OpenAPI export,
 * so what the tests exercise is exactly what runs.
 */
export async function createHttpApp(config: AppConfig, logger = new JsonLogger('api', config.LOG_LEVEL)): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger, bodyParser: false, abortOnError: false });
  app.useBodyParser('json', { limit: config.BODY_LIMIT_BYTES, strict: true, type: ['application/json', 'application/*+json'] });
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"] } } }));
  app.enableCors({ origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false, exposedHeaders: ['X-Request-Id', 'Idempotent-Replayed', 'Content-Disposition', 'Server-Timing'] });
  app.set('trust proxy', 'loopback');
  app.set('x-powered-by', false);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['docs', 'docs-json'] });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApiConfig()), { jsonDocumentUrl: 'docs-json' });
  return app;
}

export function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Inspectorate API')
    .setDescription('Unannounced civil-service inspections: campaigns, inspections, responses, remediation and reports.')
    .setVersion('1')
    .addBearerAuth()
    .build();
}
