import { workflowInfo } from '@temporalio/workflow';

/**
 * Whether to continue as new: when the server suggests it (its history-size limits), or when the
 * history has reached the workflow's own `historyLimit` (an operator's knob, and how the tests make
 * a long history short).
 */
export function shouldContinueAsNew(historyLimit: number | undefined): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || (historyLimit !== undefined && info.historyLength >= historyLimit);
}
