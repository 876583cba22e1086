import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Paths the API itself answers; everything else belongs to the console's single-page router. */
const API_PATHS = /^\/(api|docs|docs-json)(\/|$)/;

/**
 * Where `npm run build` writes the console (dist/console of the project): found from this file,
 * so the API finds it whether it runs from source (tests) or from dist (make up, Docker).
 */
export function consoleDirectory(from = __dirname): string {
  let directory = from;
  while (!existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) return path.resolve('dist', 'console');
    directory = parent;
  }
  return path.join(directory, 'dist', 'console');
}

/**
 * Serves the built console: hashed files under /assets for a year (their name changes with their
 * content), and index.html for every other path outside the API, never cached, so a new release
 * is picked up by the next page load.
 */
export function serveConsole(directory: string) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATHS.test(request.path)) return next();
    if (request.path.startsWith('/assets/')) {
      response.sendFile(request.path.slice(1), { root: directory, immutable: true, maxAge: '365d', dotfiles: 'deny' }, (error?: Error & { status?: number }) => {
        if (error && !response.headersSent) next(error.status === 404 || error.status === 403 ? undefined : error);
      });
      return;
    }
    if (!existsSync(path.join(directory, 'index.html'))) {
      response
        .status(503)
        .type('application/problem+json')
        .send({ type: 'about:blank', title: 'Console not built', status: 503, detail: 'The web console has not been built: run `npm run build`.' });
      return;
    }
    response.sendFile('index.html', { root: directory, headers: { 'Cache-Control': 'no-cache' }, lastModified: false, etag: true });
  };
}
