// One Jest config, five projects, so each suite can run alone:
//   npx jest --selectProjects unit | int | workflow | e2e | browser
// Integration and end-to-end suites share a global setup that starts a real Temporal server
// and prepares a template database (see test/harness/global-setup.ts).
const { pathsToModuleNameMapper } = require('./test/harness/paths');

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', require('./test/harness/swc.config').forTypeScript],
    // NestJS 12 ships ES modules only; Node 20 can require() them but Jest's module runtime
    // cannot, so Jest compiles those packages to CommonJS (cached after the first run).
    '^.+\\.m?js$': ['@swc/jest', require('./test/harness/swc.config').forJavaScript],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${require('./test/harness/esm-packages')}))`],
  moduleNameMapper: pathsToModuleNameMapper(),
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // With two cores Jest would run every file inside its own main process (in band), and the whole suite's
  // leftovers (Nest apps, Temporal clients, module registries of 130-odd files) outgrew Node's heap
  // there: the run died of "heap out of memory" after 25 minutes. A memory limit makes Jest use a
  // worker (still one file at a time) and replace it once it grows past the limit after a file.
  workerIdleMemoryLimit: '1.5GB',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,apps,workflows,test}/**/*.unit.spec.ts'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{libs,apps,workflows,test}/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/harness/slow-tests.ts'],
    },
    {
      // One workflow on the real Temporal server with a stand-in event log: durability rules in seconds.
      ...common,
      displayName: 'workflow',
      testMatch: ['<rootDir>/test/workflow/*.workflow.spec.ts'],
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/harness/workflow-tests.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/harness/slow-tests.ts'],
    },
    {
      // The web console in Debian's Chromium (playwright-core), against the same real stack as e2e.
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/*.browser.spec.ts'],
      globalSetup: '<rootDir>/test/harness/browser-global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/harness/slow-tests.ts'],
    },
  ],
};
