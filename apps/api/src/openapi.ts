import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { loadConfig } from '@inspectorate/config';
import { AppModule } from './app.module';
import { API_PREFIX, openApiConfig } from './http-app';

/**
 * The OpenAPI document, generated without connecting to anything (Nest's preview mode builds the
 * routes but instantiates no provider). `openapi/openapi.json` is this document, committed and
 * reviewed like code; a unit test fails when it is out of date (`npm run openapi` refreshes it).
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(loadConfig({ APP_ENV: 'test' })), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['docs', 'docs-json'] });
  const document = SwaggerModule.createDocument(app, openApiConfig());
  await app.close();
  return document;
}

export function serialiseOpenApi(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
