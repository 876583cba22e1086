// The workflow bundle's entry point: workflow functions only (see the worker's bundler config).
export { inspectionWorkflow } from './inspection.workflow';
export { campaignWorkflow } from './campaign.workflow';
