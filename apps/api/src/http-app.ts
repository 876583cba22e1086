import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
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
  app.use(securityHeaders(config));
  app.enableCors({ origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false, exposedHeaders: ['X-Request-Id', 'Idempotent-Replayed', 'Content-Disposition', 'Server-Timing'] });
  app.set('trust proxy', 'loopback');
  app.set('x-powered-by', false);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['docs', 'docs-json'] });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApiConfig()), { jsonDocumentUrl: 'docs-json' });
  return app;
}

/**
 * The console gets a strict Content-Security-Policy: scripts, styles, fonts and requests from this
 * origin only, nothing inline (the build emits files only), images also from `blob:` (a photo's
 * preview before it is uploaded). Swagger UI at /docs keeps the looser policy it needs.
 */
function securityHeaders(config: AppConfig) {
  const upgrade = config.APP_ENV === 'production' ? [] : null;
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        'upgrade-insecure-requests': upgrade,
      },
    },
  });
  const docs = helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'upgrade-insecure-requests': upgrade } } });
  return (request: Request, response: Response, next: NextFunction) => (/^\/docs(\/|-json|$)/.test(request.path) ? docs : strict)(request, response, next);
}

export function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Inspectorate API')
    .setDescription('Unannounced civil-service inspections: campaigns, inspections, responses, remediation and reports.')
    .setVersion('1')
    .addBearerAuth()
    .build();
}
