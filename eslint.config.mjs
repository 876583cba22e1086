// ESLint flat config. Type-aware rules catch floating promises everywhere; workflow code may not
// import Node built-ins or anything with I/O, because it runs in Temporal's deterministic sandbox.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// Layers import downwards only: apps/ may use workflows/ and libs/, workflows/ may use libs/, and
// libs/ uses neither (the demo seeder, which starts workflows, is therefore an app: apps/cli/src/demo).
const downwardsOnly = {
  group: ['@inspectorate/workflows', '@inspectorate/workflows/*', '**/apps/**', '**/workflows/**', '**/workflows'],
  message: 'Layers import downwards: nothing in libs/ imports from apps/ or workflows/ (move the shared piece into a lib).',
};

// Test support (fixtures, stories, the command matrix, the harness) lives outside src/ and is for tests only.
const noTestSupport = {
  group: ['@inspectorate/*-testing', '@inspectorate/*-testing/*', '**/testing', '**/testing/**', '**/test/**'],
  message: 'Production code does not import test support (libs/*/testing, test/): move what production needs into src/.',
};
// Production sources: everything under src/ but the tests.
const testFiles = ['**/*.spec.ts', '**/testing/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.run/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // The console's build configuration runs in Node, outside both the API's and the console's tsconfig.
        projectService: { allowDefaultProject: ['apps/console/vite.config.mts', 'apps/console/build/*.mts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // Tests read JSON answers whose shape the assertions check; generated declarations are not ours.
    files: ['test/**/*.ts', '**/*.spec.ts', 'scripts/**/*.d.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [downwardsOnly] }] },
  },
  {
    // Replaces the block above for production files of libs/, so it repeats the layering rule.
    files: ['libs/*/src/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [downwardsOnly, noTestSupport] }] },
  },
  {
    files: ['apps/*/src/**/*.ts', 'apps/*/src/**/*.tsx'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestSupport] }] },
  },
  {
    // The workflow contract is imported by workflow code, so it keeps to the same rules.
    files: ['workflows/src/**/*.ts', 'libs/domain/src/**/*.ts', 'libs/workflow-contract/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow and domain code must stay deterministic: no Node built-ins.' })),
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'No I/O or framework code in workflows and the domain.' },
            // This block replaces the ones above for the domain's files, so it repeats their rules.
            downwardsOnly,
            noTestSupport,
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' }, { name: 'setInterval', message: 'Use sleep() in a loop.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Not deterministic; workflows use uuid4() from @temporalio/workflow.' }],
    },
  },
  {
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The domain is pure: ids come from the caller.' },
        { object: 'Date', property: 'now', message: 'The domain is pure: time comes from the caller (DecisionContext.now).' },
      ],
    },
  },
);
