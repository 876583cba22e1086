import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../session/drafts';
import { useCommand } from '../../session/use-command';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/feedback';
import { fieldErrors } from '../../ui/forms';

/** Everything a change touches: the campaign, its inspections, and the lists and work built from them. */
const INVALIDATE = [['campaigns'], ['inspections'], ['me']];

/**
 * A change to a campaign edited in a panel behind a button: its draft (kept across reloads until
 * it is saved), the command that saves it, and whether the panel is open. Saving closes the panel.
 */
export function useChange<T>(formId: string, initial: T, send: (body: T, idempotencyKey: string) => Promise<unknown>) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft, clear] = useDraft(formId, initial);
  const command = useCommand(send, {
    invalidate: INVALIDATE,
    onSuccess: () => {
      clear();
      setOpen(false);
    },
  });
  return { open, setOpen, draft, setDraft, command };
}

type Change<T> = ReturnType<typeof useChange<T>>;

/** The button that opens a change, then the change's form: its fields, the API's answer, save and back. */
export function ChangePanel<T>({
  title,
  hint,
  change,
  children,
}: {
  title: string;
  hint?: string;
  change: Change<T>;
  /** The fields, given the API's message for each. */
  children: (error: (field: string) => string | undefined) => ReactNode;
}) {
  const { t } = useTranslation('campaigns');
  const { open, setOpen, draft, command } = change;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {title}
      </button>
    );
  }
  return (
    <form
      className="panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        command.mutate(draft);
      }}
    >
      <h2>{title}</h2>
      {hint ? <p className="hint">{hint}</p> : null}
      {children(fieldErrors(command.error))}
      <ErrorMessage error={command.error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={command.isPending}>
          {t('change.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('change.back')}
        </button>
      </div>
    </form>
  );
}

/** A change that cannot be undone: a danger button, then a confirmation that asks for the reason. */
export function ConfirmedChange({
  formId,
  label,
  buttonLabel = label,
  title,
  message,
  send,
}: {
  formId: string;
  label: string;
  /** The button's accessible name, when the label alone does not say what it acts on. */
  buttonLabel?: string;
  title: string;
  message: string;
  send: (reason: string, idempotencyKey: string) => Promise<unknown>;
}) {
  const { t } = useTranslation('campaigns');
  const [open, setOpen] = useState(false);
  const command = useCommand(send, { invalidate: INVALIDATE });
  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)} aria-label={buttonLabel === label ? undefined : buttonLabel}>
        {label}
      </button>
      {open ? (
        <ConfirmDialog
          formId={formId}
          title={title}
          message={message}
          reasonLabel={t('change.reason')}
          confirmLabel={label}
          backLabel={t('change.back')}
          command={command}
          onConfirm={(reason) => command.mutateAsync(reason)}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
