import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { newIdempotencyKey } from '../api/client';
import type { ApiError } from '../api/problem';

/**
 * A state change the user asks for. One Idempotency-Key per intent: it is kept while the same
 * intent is retried (after a 503, a network failure or a new login) and replaced once it succeeds,
 * so a click repeated after a lost answer is applied once.
 */
export function useCommand<Input, Output>(run: (input: Input, idempotencyKey: string) => Promise<Output>, options: { onSuccess?: (output: Output) => void; invalidate?: readonly unknown[][] } = {}) {
  const key = useRef(newIdempotencyKey());
  const queryClient = useQueryClient();
  return useMutation<Output, ApiError, Input>({
    mutationFn: (input) => run(input, key.current),
    onSuccess: async (output) => {
      key.current = newIdempotencyKey();
      await Promise.all((options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      options.onSuccess?.(output);
    },
  });
}
