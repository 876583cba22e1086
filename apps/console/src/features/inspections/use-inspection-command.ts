import { useQueryClient } from '@tanstack/react-query';
import type { Inspection } from '../../api/types';
import { useCommand } from '../../session/use-command';
import { inspectionKeys } from './api';

/**
 * A command on one inspection: its answer is the inspection's new state (read-your-writes), put
 * straight into the cache; lists, the timeline and my work are refetched.
 */
export function useInspectionCommand<Input>(inspectionId: string, run: (input: Input, key: string) => Promise<Inspection>, onDone?: (inspection: Inspection) => void) {
  const queryClient = useQueryClient();
  return useCommand(run, {
    invalidate: [[...inspectionKeys.all], ['me'], ['campaigns'], ['accountability']],
    onSuccess: (inspection) => {
      queryClient.setQueryData(inspectionKeys.one(inspectionId), inspection);
      onDone?.(inspection);
    },
  });
}
