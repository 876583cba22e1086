import path from 'node:path';
import { bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Bundles `workflows/src` (and the failure converter) with webpack for the worker's sandbox. The bundle resolves our
 * `@inspectorate/*` path aliases to the TypeScript sources, so workflow code and the domain are
 * compiled from source in every setting (dev, tests, the production prebuild).
 */
export async function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  const sourceRoot = findSourceRoot();
  return bundleWorkflowCode({
    workflowsPath: path.join(sourceRoot, 'workflows', 'src', 'index.ts'),
    // Failures raised inside workflows (refused commands) are encoded like the worker's own.
    failureConverterPath: path.join(sourceRoot, 'libs', 'temporal', 'src', 'failure-converter.ts'),
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = {
        ...(config.resolve.alias as Record<string, string>),
        '@inspectorate/domain': path.join(sourceRoot, 'libs', 'domain', 'src'),
        '@inspectorate/workflow-contract': path.join(sourceRoot, 'libs', 'workflow-contract', 'src'),
        '@inspectorate/workflows': path.join(sourceRoot, 'workflows', 'src'),
      };
      return config;
    },
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } as never,
  });
}

/** The repository root holding the TypeScript sources, whether we run from `dist/` or from source. */
function findSourceRoot(): string {
  for (const candidate of [ROOT, path.resolve(ROOT, '..'), path.resolve(ROOT, '..', '..')]) {
    try {
      require.resolve(path.join(candidate, 'workflows', 'src', 'index.ts'));
      return candidate;
    } catch {
      // not here; try the next one
    }
  }
  throw new Error('Cannot find workflows/src/index.ts to bundle; set WORKFLOW_BUNDLE_PATH to a prebuilt bundle.');
}
