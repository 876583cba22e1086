import { useEffect, useId, useRef } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useDraft } from '../session/drafts';
import { ErrorMessage } from './feedback';
import { Field } from './Field';
import { fieldErrors } from './forms';

/**
 * A modal confirmation of a command that cannot be undone and needs a reason (the native
 * <dialog>: focus is trapped inside and Escape closes it). The reason stays a draft until the
 * command succeeds; the API's field error is shown beside it.
 */
export function ConfirmDialog({
  formId,
  title,
  message,
  reasonLabel,
  confirmLabel,
  backLabel,
  command,
  onConfirm,
  onClose,
}: {
  formId: string;
  title: string;
  message: string;
  reasonLabel: string;
  confirmLabel: string;
  backLabel: string;
  command: Pick<UseMutationResult<unknown, unknown, never>, 'isPending' | 'error'>;
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason, clear] = useDraft(formId, '');
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} aria-labelledby={titleId} onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onConfirm(reason).then(() => {
            clear();
            onClose();
          }, () => undefined);
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <p>{message}</p>
        <Field label={reasonLabel} error={fieldErrors(command.error)('reason')}>
          {(props) => <textarea {...props} required value={reason} onChange={(event) => setReason(event.target.value)} />}
        </Field>
        <ErrorMessage error={command.error} />
        <div className="button-row">
          <button type="submit" className="danger" disabled={command.isPending}>
            {confirmLabel}
          </button>
          <button type="button" onClick={onClose}>
            {backLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
