// Lets a child process run the TypeScript sources directly (`node -r ./test/harness/ts-register.js
// apps/worker/src/main.ts`): SWC compiles each .ts file on load and tsconfig's path aliases resolve.
// Used by tests that need a real, separately killable process.
require('./register-paths');
const { addHook } = require('pirates');
const { transformSync } = require('@swc/core');
const { forTypeScript } = require('./swc.config');

addHook((code, filename) => transformSync(code, { ...forTypeScript, filename, sourceMaps: 'inline' }).code, { exts: ['.ts'], ignoreNodeModules: true });
