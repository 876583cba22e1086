import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { consoleDirectory, serveConsole } from './console-files';

/**
 * The web console, served by the API at / (one origin: no CORS, one Content-Security-Policy).
 * Registered on Express after Nest's routes and before its not-found handler, so every API path
 * keeps its own answers (and its problem+json 404) and the console gets everything else.
 */
@Module({})
export class ConsoleModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.getInstance<Express>().use(serveConsole(consoleDirectory()));
  }
}
