// Workflow tests run one workflow with short policies: each must finish in seconds, not minutes.
jest.setTimeout(30_000);
