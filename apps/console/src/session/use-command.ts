import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { newIdempotencyKey } from '../api/client';
import type { ApiError } from '../api/problem';

/**
 * A state change the user asks for. One Idempotency-Key per intent: the same input sent again
 * (after a 503, a network failure, a new login) goes with the same key, so a click repeated after
 * a lost answer is applied once; a changed input (the person corrected the form) is a new intent
 * and gets a new key, as does anything after a success.
 */
export function useCommand<Input, Output>(run: (input: Input, idempotencyKey: string) => Promise<Output>, options: { onSuccess?: (output: Output) => void; invalidate?: readonly unknown[][] } = {}) {
  const intent = useRef<{ key: string; input: string } | undefined>(undefined);
  const queryClient = useQueryClient();
  return useMutation<Output, ApiError, Input>({
    mutationFn: (input) => {
      const serialised = JSON.stringify(input ?? null);
      if (!intent.current || intent.current.input !== serialised) intent.current = { key: newIdempotencyKey(), input: serialised };
      return run(input, intent.current.key);
    },
    onSuccess: async (output) => {
      intent.current = undefined;
      await Promise.all((options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      options.onSuccess?.(output);
    },
  });
}
