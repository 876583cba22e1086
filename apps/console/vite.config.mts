import path from 'node:path';
import { defineConfig } from 'vite';
import { bundleBudgets } from './build/budgets.mts';

const root = path.dirname(new URL(import.meta.url).pathname);

// Built by `npm run build` into dist/console, which the API serves at / (apps/api/src/console).
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: path.resolve(root, '../../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Inline nothing: the Content-Security-Policy admits scripts, styles and images from 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      // React libraries mark their modules "use client" for server components; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  plugins: [bundleBudgets({ initialKb: 250, routeChunkKb: 100 })],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
