import type { ReactNode } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useDraft } from '../session/drafts';
import { ErrorMessage } from './feedback';
import { Field } from './Field';
import { fieldErrors } from './forms';

/**
 * A command that takes one text (a reason, a comment, a note): the text is kept as a draft until
 * the command succeeds (then it is cleared); the API's field error is shown beside the field.
 */
export function TextCommand({
  formId,
  label,
  field,
  buttons,
  command,
  required = true,
  children,
}: {
  formId: string;
  label: string;
  /** The body field the API names in its errors. */
  field: string;
  /** One button per decision: its label and what it sends. */
  buttons: { label: string; className?: string; send: (text: string) => Promise<unknown> }[];
  command: Pick<UseMutationResult<unknown, unknown, never>, 'isPending' | 'error'>;
  required?: boolean;
  children?: ReactNode;
}) {
  const [text, setText, clear] = useDraft(formId, '');
  return (
    <form className="text-command" noValidate onSubmit={(event) => event.preventDefault()}>
      <Field label={label} error={fieldErrors(command.error)(field)}>
        {(props) => <textarea {...props} required={required} value={text} onChange={(event) => setText(event.target.value)} />}
      </Field>
      {children}
      <ErrorMessage error={command.error} />
      <div className="button-row">
        {buttons.map((button) => (
          <button key={button.label} type="button" className={button.className ?? 'primary'} disabled={command.isPending} onClick={() => void button.send(text).then(clear, () => undefined)}>
            {button.label}
          </button>
        ))}
      </div>
    </form>
  );
}
