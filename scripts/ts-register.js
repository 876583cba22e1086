// Lets Node run the TypeScript sources directly (`node -r ./scripts/ts-register.js apps/cli/src/main.ts`):
// SWC compiles each .ts file as it loads and tsconfig's path aliases resolve. Used by npm scripts
// (openapi, bench) and by tests that need a real, separately killable process.
require('../test/harness/register-paths');
const { addHook } = require('pirates');
const { transformSync } = require('@swc/core');
const { forTypeScript } = require('../test/harness/swc.config');

addHook((code, filename) => transformSync(code, { ...forTypeScript, filename, sourceMaps: 'inline' }).code, { exts: ['.ts'], ignoreNodeModules: true });
