import { useRef } from 'react';
import { newIdempotencyKey } from '../../api/client';
import { useCommand } from '../../session/use-command';

/**
 * A form's submission with an Idempotency-Key per *request*: the same body sent again (after a
 * network failure or a 503) keeps its key, so it is done once; a body corrected after a refusal
 * (a field error, a duplicate code) is a new request and gets a new key; the API would otherwise
 * answer 422, since one key may name only one request.
 */
export function useFormCommand<Input, Output>(
  run: (input: Input, idempotencyKey: string) => Promise<Output>,
  options: Parameters<typeof useCommand<Input, Output>>[1] = {},
) {
  const last = useRef<{ body: string; key: string } | undefined>(undefined);
  return useCommand<Input, Output>(
    (input) => {
      const body = JSON.stringify(input);
      if (last.current?.body !== body) last.current = { body, key: newIdempotencyKey() };
      return run(input, last.current.key);
    },
    {
      ...options,
      onSuccess: (output) => {
        last.current = undefined;
        options.onSuccess?.(output);
      },
    },
  );
}
